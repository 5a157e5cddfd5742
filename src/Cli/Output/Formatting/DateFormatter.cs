using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>date32 (days) and date64 (milliseconds, floored to the day) as <c>YYYY-MM-DD</c>.</summary>
public sealed class DateFormatter : QuotedFormatter
{
    private const long MillisecondsPerDay = 86_400_000;
    private readonly PrimitiveArray<int>? _days;
    private readonly PrimitiveArray<long>? _milliseconds;

    public DateFormatter(ArrowArray array)
        : base(array)
    {
        if (array.Type.Id == ArrowTypeId.Date32)
        {
            _days = (PrimitiveArray<int>)array;
        }
        else
        {
            _milliseconds = (PrimitiveArray<long>)array;
        }
    }

    public override void WriteText(Utf8Output output, int index)
    {
        var days = _days is not null ? _days.Values[index] : TemporalText.FloorDiv(_milliseconds!.Values[index], MillisecondsPerDay);
        TemporalText.WriteDate(output, days);
    }
}
