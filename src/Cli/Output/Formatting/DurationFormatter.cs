using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Durations as ISO 8601 seconds: <c>PT90.000000S</c>, <c>-PT0.000000001S</c>.</summary>
public sealed class DurationFormatter : QuotedFormatter
{
    private readonly PrimitiveArray<long> _array;
    private readonly TimeUnit _unit;

    public DurationFormatter(PrimitiveArray<long> array)
        : base(array)
    {
        _array = array;
        _unit = ((DurationType)array.Type).Unit;
    }

    public override void WriteText(Utf8Output output, int index) => TemporalText.WriteDuration(output, _array.Values[index], _unit);
}
