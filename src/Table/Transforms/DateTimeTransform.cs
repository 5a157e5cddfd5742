using System.Globalization;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// year, month, day and hour: whole years/months/days/hours since 1970-01-01 00:00 (floor, so instants before
/// the epoch give negative numbers). Sources: date (not for hour) and the four timestamp types. Results are
/// int, except day whose result type is date (same integer).
/// </summary>
public sealed class DateTimeTransform : Transform
{
    internal DateTimeTransform(DatePart part) => Part = part;

    public DatePart Part { get; }

    public override bool PreservesOrder => true;

    public override bool CanTransform(PrimitiveType source) =>
        source.IsTimestamp || (source.TypeId == TypeId.Date && Part != DatePart.Hour);

    public override PrimitiveType ResultType(PrimitiveType source) => Part == DatePart.Day ? PrimitiveType.Date : PrimitiveType.Int;

    /// <summary>Transforms a date (days since the epoch).</summary>
    public int FromDays(int days) => Part switch
    {
        DatePart.Year => DateTimeUtil.DaysToYears(days),
        DatePart.Month => DateTimeUtil.DaysToMonths(days),
        DatePart.Day => days,
        _ => throw IcebergException.Invalid("hour cannot be applied to a date"),
    };

    /// <summary>Transforms a timestamp in microseconds since the epoch.</summary>
    public int FromMicros(long micros) => Part switch
    {
        DatePart.Hour => DateTimeUtil.MicrosToHours(micros),
        DatePart.Day => DateTimeUtil.MicrosToDays(micros),
        _ => FromDays(DateTimeUtil.MicrosToDays(micros)),
    };

    public override object? Apply(object? value, PrimitiveType source)
    {
        if (value is null)
        {
            return null;
        }

        EnsureCanTransform(source);
        if (source.TypeId == TypeId.Date)
        {
            return FromDays((int)value);
        }

        var v = (long)value;
        return FromMicros(source.IsNanos ? DateTimeUtil.FloorDiv(v, DateTimeUtil.NanosPerMicro) : v);
    }

    public override ArrowArray Apply(ArrowArray values, PrimitiveType source)
    {
        EnsureCanTransform(source);
        var mem = AllocateLike(values, 4);
        var dst = MemoryMarshal.Cast<byte, int>(mem.Span).Slice(values.Offset, values.Length);
        switch (values)
        {
            case PrimitiveArray<int> days:
                {
                    var src = days.Values;
                    switch (Part)
                    {
                        case DatePart.Day:
                            src.CopyTo(dst);
                            break;
                        case DatePart.Year:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.DaysToYears(src[i]);
                            }

                            break;
                        default:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.DaysToMonths(src[i]);
                            }

                            break;
                    }

                    break;
                }

            case PrimitiveArray<long> stamps:
                {
                    var src = stamps.Values;
                    var nanosPerUnit = BucketTransform.NanosPerUnit(values.Type);
                    if (nanosPerUnit != DateTimeUtil.NanosPerMicro)
                    {
                        // Normalize to microseconds first (nanosecond or coarser timestamps); rare layouts.
                        for (var i = 0; i < src.Length; i++)
                        {
                            dst[i] = FromMicros(BucketTransform.ToMicros(src[i], nanosPerUnit));
                        }

                        break;
                    }

                    switch (Part)
                    {
                        case DatePart.Hour:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.MicrosToHours(src[i]);
                            }

                            break;
                        case DatePart.Day:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.MicrosToDays(src[i]);
                            }

                            break;
                        case DatePart.Month:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.DaysToMonths(DateTimeUtil.MicrosToDays(src[i]));
                            }

                            break;
                        default:
                            for (var i = 0; i < src.Length; i++)
                            {
                                dst[i] = DateTimeUtil.DaysToYears(DateTimeUtil.MicrosToDays(src[i]));
                            }

                            break;
                    }

                    break;
                }

            default:
                throw UnsupportedArray(values, this);
        }

        return WrapLike(values, Part == DatePart.Day ? ArrowType.Date32 : ArrowType.Int32, mem);
    }

    /// <summary>"2017" for year, "2017-11" for month, "2017-11-16" for day, "2017-11-16-22" for hour.</summary>
    public override string ToHumanString(object? value, PrimitiveType source)
    {
        if (value is null)
        {
            return "null";
        }

        var v = (int)value;
        switch (Part)
        {
            case DatePart.Year:
                return (1970L + v).ToString("D4", CultureInfo.InvariantCulture);
            case DatePart.Month:
                {
                    var year = 1970L + DateTimeUtil.FloorDiv(v, 12);
                    var month = (int)(v - (DateTimeUtil.FloorDiv(v, 12) * 12)) + 1;
                    return string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
                }

            case DatePart.Day:
                return DateTimeUtil.FormatDate(v);
            default:
                {
                    var days = (int)DateTimeUtil.FloorDiv(v, 24);
                    var hour = v - (days * 24L);
                    return string.Create(CultureInfo.InvariantCulture, $"{DateTimeUtil.FormatDate(days)}-{hour:D2}");
                }
        }
    }

    public override string ToString() => Part switch
    {
        DatePart.Year => "year",
        DatePart.Month => "month",
        DatePart.Day => "day",
        _ => "hour",
    };
}
