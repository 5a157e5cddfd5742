using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Binary and fixed-size binary values as lowercase hex strings.</summary>
public sealed class HexFormatter : QuotedFormatter
{
    private readonly BinaryValues _values;

    public HexFormatter(ArrowArray array)
        : base(array) => _values = new BinaryValues(array);

    public override void WriteText(Utf8Output output, int index) => HexText.Write(output, _values.Get(index));
}
