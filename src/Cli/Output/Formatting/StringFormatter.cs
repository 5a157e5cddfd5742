using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>UTF-8 strings (utf8, large_utf8, utf8_view) as JSON strings; invalid UTF-8 becomes U+FFFD.</summary>
public sealed class StringFormatter : ValueFormatter
{
    private readonly BinaryValues _values;

    public StringFormatter(ArrowArray array)
        : base(array) => _values = new BinaryValues(array);

    public override void WriteJson(Utf8Output output, int index) => JsonText.WriteString(output, _values.Get(index));

    public override void WriteText(Utf8Output output, int index) => JsonText.WriteRaw(output, _values.Get(index));
}
