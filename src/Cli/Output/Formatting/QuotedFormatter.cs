using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Values whose JSON form is their (ASCII, escape-free) text in quotes: dates, decimals, hex...</summary>
public abstract class QuotedFormatter : ValueFormatter
{
    protected QuotedFormatter(ArrowArray array)
        : base(array)
    {
    }

    public override void WriteJson(Utf8Output output, int index)
    {
        output.Write((byte)'"');
        WriteText(output, index);
        output.Write((byte)'"');
    }

    public abstract override void WriteText(Utf8Output output, int index);
}
