using Lakehouse.Arrow;
using Lakehouse.Cli.Output.Formatting;

namespace Lakehouse.Cli.Output;

/// <summary>One JSON object per row, keys = column names in order, each line ended by '\n'.</summary>
public sealed class JsonLinesRowWriter : RowWriter
{
    private byte[][] _keys = [];

    public JsonLinesRowWriter(Utf8Output output, RowWriterOptions options)
        : base(output, options)
    {
    }

    protected override void WriteHeader(Schema schema)
    {
        _keys = new byte[schema.Count][];
        for (var i = 0; i < schema.Count; i++)
        {
            _keys[i] = StructFormatter.JsonKey(schema[i].Name, i == 0 ? (byte)'{' : (byte)',');
        }
    }

    protected override void WriteRows(ValueFormatter[] columns, int rowCount)
    {
        var output = Output;
        var keys = _keys;
        for (var row = 0; row < rowCount; row++)
        {
            if (columns.Length == 0)
            {
                output.Write("{}\n"u8);
                continue;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                output.Write(keys[c]);
                columns[c].WriteJsonOrNull(output, row);
            }

            output.Write("}\n"u8);
            output.FlushIfFull();
        }
    }
}
