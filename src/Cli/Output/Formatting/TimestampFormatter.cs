using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Timestamps as <c>YYYY-MM-DDTHH:MM:SS.ffffff</c> (9 digits for ns). With a time zone the stored values are
/// UTC instants and are written in UTC with a trailing <c>Z</c>, whatever the zone's name.
/// </summary>
public sealed class TimestampFormatter : QuotedFormatter
{
    private readonly PrimitiveArray<long> _array;
    private readonly TimeUnit _unit;
    private readonly bool _utc;

    public TimestampFormatter(PrimitiveArray<long> array)
        : base(array)
    {
        _array = array;
        var type = (TimestampType)array.Type;
        _unit = type.Unit;
        _utc = type.Timezone is not null;
    }

    public override void WriteText(Utf8Output output, int index) => TemporalText.WriteTimestamp(output, _array.Values[index], _unit, _utc);
}
