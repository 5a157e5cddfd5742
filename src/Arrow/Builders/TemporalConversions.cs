using System.Globalization;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>Converts CLR values (DateTime, DateOnly, TimeSpan, numbers...) to the physical value of an Arrow type.</summary>
internal static class TemporalConversions
{
    private static readonly int s_epochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Ticks (100 ns) to <paramref name="unit"/>, rounding toward negative infinity.</summary>
    public static long FromTicks(long ticks, TimeUnit unit) => unit switch
    {
        TimeUnit.Second => Math.DivRem(ticks, TimeSpan.TicksPerSecond) is var (q, r) && r < 0 ? q - 1 : ticks / TimeSpan.TicksPerSecond,
        TimeUnit.Millisecond => Math.DivRem(ticks, TimeSpan.TicksPerMillisecond) is var (q, r) && r < 0 ? q - 1 : ticks / TimeSpan.TicksPerMillisecond,
        TimeUnit.Microsecond => Math.DivRem(ticks, 10) is var (q, r) && r < 0 ? q - 1 : ticks / 10,
        _ => checked(ticks * 100),
    };

    public static long UnixTicks(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - DateTime.UnixEpoch.Ticks;

    public static int EpochDays(DateOnly value) => value.DayNumber - s_epochDayNumber;

    /// <summary>The physical value (a boxed T of the builder) for a CLR value appended to <paramref name="type"/>.</summary>
    public static object ToPhysical(ArrowType type, object value, Type target)
    {
        switch (type)
        {
            case TimestampType ts:
                return value switch
                {
                    DateTime dt => FromTicks(UnixTicks(dt), ts.Unit),
                    DateTimeOffset dto => FromTicks(dto.UtcTicks - DateTime.UnixEpoch.Ticks, ts.Unit),
                    _ => Numeric(value, target),
                };
            case DurationType d when value is TimeSpan span:
                return FromTicks(span.Ticks, d.Unit);
            case TimeType t:
                long? ticks = value switch
                {
                    TimeOnly to => to.Ticks,
                    TimeSpan span => span.Ticks,
                    _ => null,
                };
                return ticks is { } tk ? Numeric(FromTicks(tk, t.Unit), target) : Numeric(value, target);
        }

        if (type.Id == ArrowTypeId.Date32)
        {
            return value switch
            {
                DateOnly d => EpochDays(d),
                DateTime dt => EpochDays(DateOnly.FromDateTime(dt)),
                _ => Numeric(value, target),
            };
        }

        if (type.Id == ArrowTypeId.Date64)
        {
            return value switch
            {
                DateOnly d => EpochDays(d) * 86_400_000L,
                DateTime dt => EpochDays(DateOnly.FromDateTime(dt)) * 86_400_000L,
                _ => Numeric(value, target),
            };
        }

        return Numeric(value, target);
    }

    private static object Numeric(object value, Type target)
    {
        if (value.GetType() == target)
        {
            return value;
        }

        var c = CultureInfo.InvariantCulture;
        return Type.GetTypeCode(target) switch
        {
            TypeCode.SByte => Convert.ToSByte(value, c),
            TypeCode.Byte => Convert.ToByte(value, c),
            TypeCode.Int16 => Convert.ToInt16(value, c),
            TypeCode.UInt16 => Convert.ToUInt16(value, c),
            TypeCode.Int32 => Convert.ToInt32(value, c),
            TypeCode.UInt32 => Convert.ToUInt32(value, c),
            TypeCode.Int64 => Convert.ToInt64(value, c),
            TypeCode.UInt64 => Convert.ToUInt64(value, c),
            TypeCode.Single => Convert.ToSingle(value, c),
            TypeCode.Double => Convert.ToDouble(value, c),
            _ when target == typeof(Half) => (Half)Convert.ToDouble(value, c),
            _ => throw new ArgumentException($"cannot convert a {value.GetType().Name} to {target.Name}", nameof(value)),
        };
    }
}
