using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>Named arguments of read_csv/read_json (<c>header => true, delim => ';', all_varchar => true, sample_size => 1000</c>).</summary>
internal sealed record TextSourceOptions(bool Header, char Delimiter, bool AllVarchar, int SampleSize)
{
    public static TextSourceOptions Parse(string function, IEnumerable<FunctionArgument> arguments, bool csv)
    {
        var header = true;
        var delimiter = ',';
        var allVarchar = false;
        var sampleSize = 20_000;
        foreach (var a in arguments)
        {
            var name = a.Name?.Value.ToLowerInvariant() ?? throw new SqlException(SqlErrorKind.Binder, $"{function} takes one path and named options (name => value)");
            switch (name, a.Value)
            {
                case ("header", BooleanLiteral b) when csv:
                    header = b.Value;
                    break;
                case ("delim" or "delimiter" or "sep", StringLiteral s) when csv && s.Value.Length == 1 && s.Value[0] is not ('"' or '\n' or '\r'):
                    delimiter = s.Value[0];
                    break;
                case ("all_varchar", BooleanLiteral b):
                    allVarchar = b.Value;
                    break;
                case ("sample_size", IntegerLiteral n) when n.Value is > 0 and <= int.MaxValue:
                    sampleSize = (int)n.Value;
                    break;
                default:
                    throw new SqlException(SqlErrorKind.Binder, $"{function} option \"{a.Name.Value}\" is unknown or has an invalid value ({(csv ? "header => true|false, delim => ',', " : string.Empty)}all_varchar => true|false, sample_size => rows)");
            }
        }

        return new TextSourceOptions(header, delimiter, allVarchar, sampleSize);
    }
}
