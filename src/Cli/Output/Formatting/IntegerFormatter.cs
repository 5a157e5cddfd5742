using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Signed and unsigned integers of every width as exact JSON numbers.</summary>
public sealed class IntegerFormatter<T> : ValueFormatter
    where T : unmanaged, IUtf8SpanFormattable
{
    private readonly BufferView _values;
    private readonly int _offset;

    public IntegerFormatter(PrimitiveArray<T> array)
        : base(array)
    {
        _values = new BufferView(array.Data.Buffers[1]);
        _offset = array.Offset;
    }

    public override bool IsNumeric => true;

    public override void WriteJson(Utf8Output output, int index) => NumberText.WriteInteger(output, _values.Read<T>(_offset + index));
}
