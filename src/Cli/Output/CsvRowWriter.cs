using System.Buffers;
using Lakehouse.Arrow;
using Lakehouse.Cli.Output.Formatting;

namespace Lakehouse.Cli.Output;

/// <summary>
/// RFC 4180 CSV: a header row of column names, fields separated by ',', lines ended by '\n'. A field is
/// quoted (with '"' doubled) when it contains ',', '"', CR or LF, or when it is an empty string; null is an
/// empty unquoted field. Values are their plain text; nested values are their JSON text.
/// </summary>
public sealed class CsvRowWriter : RowWriter
{
    private static readonly SearchValues<byte> s_special = SearchValues.Create(",\"\r\n"u8);
    private readonly Utf8Output _scratch = new(256);

    public CsvRowWriter(Utf8Output output, RowWriterOptions options)
        : base(output, options)
    {
    }

    protected override void WriteHeader(Schema schema)
    {
        for (var i = 0; i < schema.Count; i++)
        {
            if (i > 0)
            {
                Output.Write((byte)',');
            }

            var start = Output.Position;
            JsonText.WriteRaw(Output, System.Text.Encoding.UTF8.GetBytes(schema[i].Name));
            QuoteIfNeeded(start);
        }

        Output.Write((byte)'\n');
    }

    protected override void WriteRows(ValueFormatter[] columns, int rowCount)
    {
        var output = Output;
        for (var row = 0; row < rowCount; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    output.Write((byte)',');
                }

                var f = columns[c];
                if (!f.IsValid(row))
                {
                    continue;
                }

                var start = output.Position;
                f.WriteText(output, row);
                QuoteIfNeeded(start);
            }

            output.Write((byte)'\n');
            output.FlushIfFull();
        }
    }

    /// <summary>Rewrites the field written since <paramref name="start"/> in quotes when it needs them.</summary>
    private void QuoteIfNeeded(int start)
    {
        var field = Output.Written(start);
        if (field.Length > 0 && field.IndexOfAny(s_special) < 0)
        {
            return;
        }

        _scratch.Truncate(0);
        _scratch.Write(field);
        Output.Truncate(start);
        Output.Write((byte)'"');
        var rest = _scratch.Written();
        while (true)
        {
            var q = rest.IndexOf((byte)'"');
            if (q < 0)
            {
                Output.Write(rest);
                break;
            }

            Output.Write(rest[..(q + 1)]);
            Output.Write((byte)'"');
            rest = rest[(q + 1)..];
        }

        Output.Write((byte)'"');
    }
}
