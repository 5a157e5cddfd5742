using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>UUIDs (the <c>arrow.uuid</c> extension on fixed_size_binary[16]) as lowercase 8-4-4-4-12.</summary>
public sealed class UuidFormatter : QuotedFormatter
{
    private readonly FixedSizeBinaryArray _array;

    public UuidFormatter(FixedSizeBinaryArray array)
        : base(array) => _array = array;

    public override void WriteText(Utf8Output output, int index) => HexText.WriteUuid(output, _array.GetBytes(index));
}
