using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Structs as JSON objects whose keys are the field names in order.</summary>
public sealed class StructFormatter : ValueFormatter
{
    private readonly ValueFormatter[] _fields;
    private readonly byte[][] _keys;

    public StructFormatter(StructArray array, ValueFormatter[] fields, string[] names)
        : base(array)
    {
        _fields = fields;
        _keys = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _keys[i] = JsonKey(names[i], i == 0 ? (byte)'{' : (byte)',');
        }
    }

    public override bool IsNested => true;

    public override void WriteJson(Utf8Output output, int index)
    {
        if (_fields.Length == 0)
        {
            output.Write("{}"u8);
            return;
        }

        for (var i = 0; i < _fields.Length; i++)
        {
            output.Write(_keys[i]);
            _fields[i].WriteJsonOrNull(output, index);
        }

        output.Write((byte)'}');
    }

    /// <summary>The bytes <c>{"name":</c> (or with a leading comma) for a JSON object key.</summary>
    public static byte[] JsonKey(string name, byte lead)
    {
        var buffer = new Utf8Output(name.Length + 8);
        buffer.Write(lead);
        JsonText.WriteString(buffer, name);
        buffer.Write((byte)':');
        return buffer.Written().ToArray();
    }
}
