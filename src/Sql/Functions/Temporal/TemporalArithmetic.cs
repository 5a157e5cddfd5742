namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>
/// date_trunc, date_add, date_diff and date_bin on date32 days and timestamp(6) microseconds with Trino's
/// semantics. Timestamps with time zone are handled by the callers through <see cref="SqlTimeZone"/>:
/// calendar units work on local wall-clock time, fixed units on the instant (see the *WithZone methods).
/// </summary>
public static class TemporalArithmetic
{
    /// <summary>date_trunc(unit, timestamp) on local microseconds; weeks start on Monday.</summary>
    public static long TruncateMicros(DateTimeUnit unit, long micros)
    {
        switch (unit)
        {
            case DateTimeUnit.Microsecond:
                return micros;
            case DateTimeUnit.Millisecond:
                return CivilTime.FloorDiv(micros, 1000) * 1000;
            case DateTimeUnit.Second:
                return CivilTime.FloorDiv(micros, CivilTime.MicrosPerSecond) * CivilTime.MicrosPerSecond;
            case DateTimeUnit.Minute:
                return CivilTime.FloorDiv(micros, CivilTime.MicrosPerMinute) * CivilTime.MicrosPerMinute;
            case DateTimeUnit.Hour:
                return CivilTime.FloorDiv(micros, CivilTime.MicrosPerHour) * CivilTime.MicrosPerHour;
            default:
                return TruncateDays(unit, CivilTime.DayOf(micros)) * CivilTime.MicrosPerDay;
        }
    }

    /// <summary>date_trunc(unit, date) for day, week, month, quarter, year.</summary>
    public static long TruncateDays(DateTimeUnit unit, long days)
    {
        switch (unit)
        {
            case DateTimeUnit.Day:
                return days;
            case DateTimeUnit.Week:
                return days - CivilTime.IsoDayOfWeek(days) + 1;
            case DateTimeUnit.Month:
            case DateTimeUnit.Quarter:
            case DateTimeUnit.Year:
                {
                    var (y, m, _) = CivilTime.CivilFromDays(days);
                    var month = unit switch
                    {
                        DateTimeUnit.Month => m,
                        DateTimeUnit.Quarter => (((m - 1) / 3) * 3) + 1,
                        _ => 1,
                    };
                    return CivilTime.DaysFromCivil(y, month, 1);
                }

            default:
                throw FunctionErrors.InvalidArgument($"'{unit.ToString().ToLowerInvariant()}' is not a valid DATE field");
        }
    }

    /// <summary>date_trunc on a UTC instant, truncating in <paramref name="zone"/>'s wall-clock time.</summary>
    public static long TruncateMicrosWithZone(DateTimeUnit unit, long utcMicros, SqlTimeZone zone)
    {
        return zone.LocalToUtc(TruncateMicros(unit, zone.UtcToLocal(utcMicros)));
    }

    /// <summary>date_add(unit, value, timestamp) on local microseconds; months clamp the day of month.</summary>
    public static long AddMicros(DateTimeUnit unit, long value, long micros)
    {
        try
        {
            return unit switch
            {
                DateTimeUnit.Microsecond => checked(micros + value),
                DateTimeUnit.Millisecond => checked(micros + (value * 1000)),
                DateTimeUnit.Second => checked(micros + (value * CivilTime.MicrosPerSecond)),
                DateTimeUnit.Minute => checked(micros + (value * CivilTime.MicrosPerMinute)),
                DateTimeUnit.Hour => checked(micros + (value * CivilTime.MicrosPerHour)),
                DateTimeUnit.Day => checked(micros + (value * CivilTime.MicrosPerDay)),
                DateTimeUnit.Week => checked(micros + (value * 7 * CivilTime.MicrosPerDay)),
                _ => AddMonthsMicros(micros, MonthsOf(unit, value)),
            };
        }
        catch (OverflowException)
        {
            throw FunctionErrors.Overflow("timestamp out of range in date_add");
        }
    }

    /// <summary>date_add on a UTC instant: units up to hours move the instant, days and above the wall clock.</summary>
    public static long AddMicrosWithZone(DateTimeUnit unit, long value, long utcMicros, SqlTimeZone zone)
    {
        if (unit <= DateTimeUnit.Hour || zone.IsFixed)
        {
            return AddMicros(unit, value, utcMicros);
        }

        return zone.LocalToUtc(AddMicros(unit, value, zone.UtcToLocal(utcMicros)));
    }

    /// <summary>date_add(unit, value, date) for day, week, month, quarter, year.</summary>
    public static int AddDays(DateTimeUnit unit, long value, int days)
    {
        try
        {
            var result = unit switch
            {
                DateTimeUnit.Day => checked(days + value),
                DateTimeUnit.Week => checked(days + (value * 7)),
                DateTimeUnit.Month or DateTimeUnit.Quarter or DateTimeUnit.Year => CivilTime.AddMonths(days, MonthsOf(unit, value)),
                _ => throw FunctionErrors.InvalidArgument($"'{unit.ToString().ToLowerInvariant()}' is not a valid DATE field"),
            };
            return checked((int)result);
        }
        catch (OverflowException)
        {
            throw FunctionErrors.Overflow("date out of range in date_add");
        }
    }

    /// <summary>
    /// date_diff(unit, a, b) on local microseconds: the number of whole units from a to b, truncated toward
    /// zero; months count as Joda does (the day/time remainder must be reached, a month-end counts as reached).
    /// </summary>
    public static long DiffMicros(DateTimeUnit unit, long a, long b) => unit switch
    {
        DateTimeUnit.Microsecond => checked(b - a),
        DateTimeUnit.Millisecond => (b - a) / 1000,
        DateTimeUnit.Second => (b - a) / CivilTime.MicrosPerSecond,
        DateTimeUnit.Minute => (b - a) / CivilTime.MicrosPerMinute,
        DateTimeUnit.Hour => (b - a) / CivilTime.MicrosPerHour,
        DateTimeUnit.Day => (b - a) / CivilTime.MicrosPerDay,
        DateTimeUnit.Week => (b - a) / (7 * CivilTime.MicrosPerDay),
        DateTimeUnit.Month => MonthsBetween(a, b),
        DateTimeUnit.Quarter => MonthsBetween(a, b) / 3,
        _ => MonthsBetween(a, b) / 12,
    };

    /// <summary>date_diff on two dates.</summary>
    public static long DiffDays(DateTimeUnit unit, int a, int b) => unit switch
    {
        DateTimeUnit.Day => (long)b - a,
        DateTimeUnit.Week => ((long)b - a) / 7,
        DateTimeUnit.Month or DateTimeUnit.Quarter or DateTimeUnit.Year =>
            DiffMicros(unit, a * CivilTime.MicrosPerDay, b * CivilTime.MicrosPerDay),
        _ => throw FunctionErrors.InvalidArgument($"'{unit.ToString().ToLowerInvariant()}' is not a valid DATE field"),
    };

    /// <summary>date_diff on UTC instants: fixed units on the instants, calendar units on wall-clock times in the zone.</summary>
    public static long DiffMicrosWithZone(DateTimeUnit unit, long a, long b, SqlTimeZone zone) => unit <= DateTimeUnit.Hour
        ? DiffMicros(unit, a, b)
        : DiffMicros(unit, zone.UtcToLocal(a), zone.UtcToLocal(b));

    /// <summary>
    /// date_bin(stride, ts, origin): the start of the stride-wide bucket that holds ts, buckets aligned to
    /// origin (floor for times before the origin).
    /// </summary>
    public static long BinMicros(long strideMicros, long micros, long originMicros)
    {
        if (strideMicros <= 0)
        {
            throw FunctionErrors.InvalidArgument("date_bin stride must be positive");
        }

        var delta = checked(micros - originMicros);
        return originMicros + (CivilTime.FloorDiv(delta, strideMicros) * strideMicros);
    }

    /// <summary>date_bin with a month-based stride (e.g. INTERVAL '3' MONTH): buckets of whole months from origin.</summary>
    public static long BinMonthsMicros(long strideMonths, long micros, long originMicros)
    {
        if (strideMonths <= 0)
        {
            throw FunctionErrors.InvalidArgument("date_bin stride must be positive");
        }

        var months = MonthsBetween(originMicros, micros);
        if (months < 0 || AddMonthsMicros(originMicros, months) > micros)
        {
            // MonthsBetween truncates toward zero: step back to the floor.
            while (AddMonthsMicros(originMicros, months) > micros)
            {
                months--;
            }
        }

        var buckets = CivilTime.FloorDiv(months, strideMonths);
        return AddMonthsMicros(originMicros, buckets * strideMonths);
    }

    private static long MonthsOf(DateTimeUnit unit, long value) => unit switch
    {
        DateTimeUnit.Month => value,
        DateTimeUnit.Quarter => checked(value * 3),
        DateTimeUnit.Year => checked(value * 12),
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    private static long AddMonthsMicros(long micros, long months)
    {
        var days = CivilTime.DayOf(micros);
        var timeOfDay = micros - (days * CivilTime.MicrosPerDay);
        return CivilTime.ToMicros(CivilTime.AddMonths(days, months), timeOfDay);
    }

    /// <summary>Joda's month difference (BasicMonthOfYearDateTimeField.getDifferenceAsLong).</summary>
    private static long MonthsBetween(long from, long to)
    {
        if (to < from)
        {
            return -MonthsBetween(to, from);
        }

        var toDays = CivilTime.DayOf(to);
        var fromDays = CivilTime.DayOf(from);
        var (ty, tm, td) = CivilTime.CivilFromDays(toDays);
        var (fy, fm, fd) = CivilTime.CivilFromDays(fromDays);
        var difference = ((ty - (long)fy) * 12) + tm - fm;
        if (td == CivilTime.DaysInMonth(ty, tm) && fd > td)
        {
            fd = td;
        }

        var toRemainder = ((td - 1) * CivilTime.MicrosPerDay) + (to - (toDays * CivilTime.MicrosPerDay));
        var fromRemainder = ((fd - 1) * CivilTime.MicrosPerDay) + (from - (fromDays * CivilTime.MicrosPerDay));
        if (toRemainder < fromRemainder)
        {
            difference--;
        }

        return difference;
    }
}
