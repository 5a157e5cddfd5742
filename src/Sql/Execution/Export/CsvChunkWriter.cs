using System.Text;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Export;

/// <summary>
/// CSV per RFC 4180: an optional header row, fields separated by the delimiter, CRLF-free "\n" line ends, fields
/// quoted (quotes doubled) when they hold the delimiter, a quote, CR or LF or start/end with a space. NULL is an
/// empty unquoted field; an empty string is <c>""</c>, so the two read back apart. Values use their varchar form.
/// </summary>
public sealed class CsvChunkWriter(TextWriter output, IReadOnlyList<PlanColumn> columns, char delimiter, bool header, FunctionContext context)
{
    private readonly StringBuilder _line = new();
    private bool _started;

    public void Write(DataChunk chunk)
    {
        if (!_started)
        {
            _started = true;
            if (header)
            {
                _line.Clear();
                for (var c = 0; c < columns.Count; c++)
                {
                    AppendField(c, columns[c].Name);
                }

                output.Write(_line.Append('\n'));
            }
        }

        for (var r = 0; r < chunk.Length; r++)
        {
            _line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                var value = ArrayFactory.GetValue(chunk.Columns[c], r, columns[c].Type);
                if (value is null)
                {
                    if (c > 0)
                    {
                        _line.Append(delimiter);
                    }

                    continue;
                }

                AppendField(c, ValueConversions.Format(value, columns[c].Type, context));
            }

            output.Write(_line.Append('\n'));
        }
    }

    private void AppendField(int column, string text)
    {
        if (column > 0)
        {
            _line.Append(delimiter);
        }

        var quote = text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text.AsSpan().IndexOfAny(delimiter, '"', '\n') >= 0 || text.Contains('\r', StringComparison.Ordinal);
        if (!quote)
        {
            _line.Append(text);
            return;
        }

        _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
