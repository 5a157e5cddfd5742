using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (Arrow date32) and microseconds since
/// the epoch (timestamp(6)), without DateTime objects (days-from-civil / civil-from-days in eras of 400 years).
/// </summary>
public static class CivilTime
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerMinute = 60 * MicrosPerSecond;
    public const long MicrosPerHour = 60 * MicrosPerMinute;
    public const long MicrosPerDay = 24 * MicrosPerHour;

    /// <summary>Days since 1970-01-01 of a civil date (month 1-12).</summary>
    public static int DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yoe = year - (era * 400);
        var mp = (month + 9) % 12;
        var doy = ((153 * mp) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return checked((int)((era * 146097) + doe - 719468));
    }

    /// <summary>The civil date of a day number.</summary>
    public static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var doe = days - (era * 146097);
        var yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        var y = yoe + (era * 400);
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        var d = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        var m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return ((int)(y + (m <= 2 ? 1 : 0)), m, d);
    }

    public static bool IsLeapYear(long year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) ^ (b < 0))) ? q - 1 : q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorMod(long a, long b) => a - (FloorDiv(a, b) * b);

    /// <summary>Day number of a timestamp in microseconds (floor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long DayOf(long micros) => FloorDiv(micros, MicrosPerDay);

    /// <summary>ISO day of week, Monday = 1 … Sunday = 7.</summary>
    public static int IsoDayOfWeek(long days) => (int)FloorMod(days + 3, 7) + 1;

    public static int DayOfYear(long days)
    {
        var (y, _, _) = CivilFromDays(days);
        return (int)(days - DaysFromCivil(y, 1, 1)) + 1;
    }

    /// <summary>ISO-8601 week number and week-based year.</summary>
    public static (int WeekYear, int Week) IsoWeek(long days)
    {
        // The week belongs to the year of its Thursday.
        var thursday = days - IsoDayOfWeek(days) + 4;
        var (year, _, _) = CivilFromDays(thursday);
        var week = (int)((thursday - DaysFromCivil(year, 1, 1)) / 7) + 1;
        return (year, week);
    }

    /// <summary>Adds months to a civil date, clamping the day to the target month's length (Joda/Trino).</summary>
    public static long AddMonths(long days, long months)
    {
        var (y, m, d) = CivilFromDays(days);
        var total = checked((y * 12L) + (m - 1) + months);
        var year = FloorDiv(total, 12);
        var month = (int)FloorMod(total, 12) + 1;
        return DaysFromCivil(year, month, Math.Min(d, DaysInMonth(year, month)));
    }

    /// <summary>Microseconds since the epoch of a civil date-time.</summary>
    public static long ToMicros(long days, long microsOfDay) => checked((days * MicrosPerDay) + microsOfDay);
}
