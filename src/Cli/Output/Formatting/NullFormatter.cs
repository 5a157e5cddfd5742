using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>The null type: every slot is null.</summary>
public sealed class NullFormatter : ValueFormatter
{
    public NullFormatter(ArrowArray array)
        : base(array)
    {
    }

    public override bool IsValid(int index) => false;

    public override void WriteJson(Utf8Output output, int index) => output.Write("null"u8);
}
