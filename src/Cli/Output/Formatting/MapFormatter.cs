using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Maps as arrays of <c>{"key":…,"value":…}</c> objects in stored order.</summary>
public sealed class MapFormatter : ValueFormatter
{
    private readonly MapArray _map;
    private readonly ValueFormatter _keys;
    private readonly ValueFormatter _values;

    public MapFormatter(MapArray array, ValueFormatter keys, ValueFormatter values)
        : base(array)
    {
        _map = array;
        _keys = keys;
        _values = values;
    }

    public override bool IsNested => true;

    public override void WriteJson(Utf8Output output, int index)
    {
        var offsets = _map.ValueOffsets;
        var start = offsets[index];
        var end = offsets[index + 1];
        output.Write((byte)'[');
        for (var j = start; j < end; j++)
        {
            output.Write(j == start ? "{\"key\":"u8 : ",{\"key\":"u8);
            _keys.WriteJsonOrNull(output, j);
            output.Write(",\"value\":"u8);
            _values.WriteJsonOrNull(output, j);
            output.Write((byte)'}');
        }

        output.Write((byte)']');
    }
}
