using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Timestamps as <c>YYYY-MM-DDTHH:MM:SS.ffffff</c> (9 digits for ns). With a time zone the stored values are
/// UTC instants and are written in UTC with a trailing <c>Z</c>, whatever the zone's name.
/// </summary>
public sealed class TimestampFormatter : QuotedFormatter
{
    private readonly BufferView _values;
    private readonly int _offset;
    private readonly TimeUnit _unit;
    private readonly bool _utc;

    public TimestampFormatter(PrimitiveArray<long> array)
        : base(array)
    {
        _values = new BufferView(array.Data.Buffers[1]);
        _offset = array.Offset;
        var type = (TimestampType)array.Type;
        _unit = type.Unit;
        _utc = type.Timezone is not null;
    }

    public override void WriteText(Utf8Output output, int index) => TemporalText.WriteTimestamp(output, _values.Read<long>(_offset + index), _unit, _utc);
}
