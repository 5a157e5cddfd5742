using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Booleans as <c>true</c>/<c>false</c>.</summary>
public sealed class BooleanFormatter : ValueFormatter
{
    private readonly BooleanArray _array;

    public BooleanFormatter(BooleanArray array)
        : base(array) => _array = array;

    public override bool IsNumeric => true;

    public override void WriteJson(Utf8Output output, int index) =>
        output.Write(BitUtil.GetBit(_array.ValueBitmap, _array.Offset + index) ? "true"u8 : "false"u8);
}
