using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>time32/time64 as <c>HH:MM:SS.ffffff</c> (9 fractional digits for nanoseconds).</summary>
public sealed class TimeFormatter : QuotedFormatter
{
    private readonly PrimitiveArray<int>? _time32;
    private readonly PrimitiveArray<long>? _time64;
    private readonly TimeUnit _unit;

    public TimeFormatter(ArrowArray array)
        : base(array)
    {
        _unit = ((TimeType)array.Type).Unit;
        if (array.Type.Id == ArrowTypeId.Time32)
        {
            _time32 = (PrimitiveArray<int>)array;
        }
        else
        {
            _time64 = (PrimitiveArray<long>)array;
        }
    }

    public override void WriteText(Utf8Output output, int index)
    {
        var value = _time32 is not null ? _time32.Values[index] : _time64!.Values[index];
        TemporalText.WriteTime(output, value, _unit);
    }
}
