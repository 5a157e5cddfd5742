using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Signed and unsigned integers of every width as exact JSON numbers.</summary>
public sealed class IntegerFormatter<T> : ValueFormatter
    where T : unmanaged, IUtf8SpanFormattable
{
    private readonly PrimitiveArray<T> _array;

    public IntegerFormatter(PrimitiveArray<T> array)
        : base(array) => _array = array;

    public override bool IsNumeric => true;

    public override void WriteJson(Utf8Output output, int index) => NumberText.WriteInteger(output, _array.Values[index]);
}
