using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lakehouse.Table.Values;

/// <summary>
/// Conversions between Iceberg's integer date/time representations (days since 1970-01-01, microseconds
/// since midnight, micro- or nanoseconds since the epoch) and ISO-8601 text. All divisions floor, so
/// instants before 1970 map to the earlier day/hour.
/// </summary>
public static class DateTimeUtil
{
    public const long MicrosPerSecond = 1_000_000;
    public const long MicrosPerHour = 3_600 * MicrosPerSecond;
    public const long MicrosPerDay = 24 * MicrosPerHour;
    public const long NanosPerMicro = 1_000;

    private static readonly DateOnly s_epochDate = new(1970, 1, 1);

    public static int DaysFromDate(DateOnly date) => date.DayNumber - s_epochDate.DayNumber;

    public static DateOnly DateFromDays(int days) => DateOnly.FromDayNumber(s_epochDate.DayNumber + days);

    public static long MicrosFromTime(TimeOnly time) => time.Ticks / 10;

    public static long MicrosFromDateTime(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static long MicrosFromDateTimeOffset(DateTimeOffset value) => (value.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>Floor division with a non-negative remainder (for a positive divisor).</summary>
    public static long FloorDiv(long value, long divisor, out long remainder)
    {
        var q = Math.DivRem(value, divisor, out remainder);
        if (remainder < 0)
        {
            q--;
            remainder += divisor;
        }

        return q;
    }

    /// <summary>Floor division. Inlined so that constant divisors become multiplications in hot loops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorDiv(long value, long divisor)
    {
        var q = value / divisor;
        var r = value - (q * divisor);
        return (r != 0 && ((r < 0) != (divisor < 0))) ? q - 1 : q;
    }

    /// <summary>Days since the epoch of a timestamp in microseconds (floor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MicrosToDays(long micros) => (int)FloorDiv(micros, MicrosPerDay);

    /// <summary>Hours since the epoch of a timestamp in microseconds (floor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MicrosToHours(long micros) => (int)FloorDiv(micros, MicrosPerHour);

    /// <summary>Years since 1970 of a day number (proleptic Gregorian, any int input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DaysToYears(int days)
    {
        CivilFromDays(days, out var year, out _);
        return (int)(year - 1970);
    }

    /// <summary>Months since 1970-01 of a day number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DaysToMonths(int days)
    {
        CivilFromDays(days, out var year, out var month);
        return (int)(((year - 1970) * 12) + month - 1);
    }

    /// <summary>Calendar year and month (1-12) of a day number; integer arithmetic, no exceptions.</summary>
    public static void CivilFromDays(long days, out long year, out int month) => CivilFromDays(days, out year, out month, out _);

    /// <summary>Proleptic Gregorian year, month (1-12) and day (1-31) of a day number since 1970-01-01.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        var z = days + 719_468;
        var era = FloorDiv(z, 146_097);
        var doe = z - (era * 146_097);
        var yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        var doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        var mp = ((5 * doy) + 2) / 153;
        day = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = yoe + (era * 400) + (month <= 2 ? 1 : 0);
    }

    /// <summary>ISO date; years outside 0000-9999 get a sign, as ISO-8601 expanded years.</summary>
    public static string FormatDate(long days)
    {
        CivilFromDays(days, out var year, out var month, out var day);
        var y = year is >= 0 and <= 9999 ? year.ToString("D4", CultureInfo.InvariantCulture)
            : (year < 0 ? "-" : "+") + Math.Abs(year).ToString("D4", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{y}-{month:D2}-{day:D2}");
    }

    public static string FormatDate(int days) => FormatDate((long)days);

    /// <summary>HH:mm:ss.ffffff (always six fractional digits, as the JSON single-value form).</summary>
    public static string FormatTime(long micros)
    {
        var seconds = FloorDiv(micros, MicrosPerSecond, out var frac);
        return Clock(seconds) + "." + frac.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.ffffff, with "+00:00" when <paramref name="withZone"/>.</summary>
    public static string FormatTimestampMicros(long micros, bool withZone) => FormatTimestamp(micros, MicrosPerSecond, 6, withZone);

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffffffff, with "+00:00" when <paramref name="withZone"/>.</summary>
    public static string FormatTimestampNanos(long nanos, bool withZone) => FormatTimestamp(nanos, 1_000_000_000, 9, withZone);

    /// <summary>Human form used for partition values: fractional digits only when present.</summary>
    public static string FormatTimestampHuman(long value, bool nanos, bool withZone)
    {
        var perSecond = nanos ? 1_000_000_000L : MicrosPerSecond;
        var seconds = FloorDiv(value, perSecond, out var frac);
        var s = DateAndClock(seconds);
        if (frac != 0)
        {
            s += "." + frac.ToString(nanos ? "D9" : "D6", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return withZone ? s + "+00:00" : s;
    }

    public static int ParseDate(string text)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw IcebergException.Invalid($"'{text}' is not an ISO-8601 date (yyyy-MM-dd)");
        }

        return DaysFromDate(d);
    }

    /// <summary>Parses HH:mm[:ss[.f...]] to microseconds since midnight (sub-microsecond digits are truncated).</summary>
    public static long ParseTime(string text)
    {
        var s = text.Trim();
        var pos = 0;
        if (!TryParseClock(s, ref pos, 1_000_000, out var micros) || pos != s.Length)
        {
            throw IcebergException.Invalid($"'{text}' is not an ISO-8601 time (HH:mm:ss.ffffff)");
        }

        return micros;
    }

    /// <summary>
    /// Parses yyyy-MM-dd[T| ]HH:mm[:ss[.f...]][Z|±hh:mm] into micro- or nanoseconds since the epoch (UTC when
    /// an offset is present). <paramref name="hasZone"/> tells whether an offset was given.
    /// </summary>
    public static long ParseTimestamp(string text, bool nanos, out bool hasZone)
    {
        var s = text.Trim();
        hasZone = false;
        if (s.Length < 10 || !DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw IcebergException.Invalid($"'{text}' is not an ISO-8601 timestamp");
        }

        var perSecond = nanos ? 1_000_000_000L : 1_000_000L;
        long timeOfDay = 0;
        var pos = 10;
        if (pos < s.Length && (s[pos] == 'T' || s[pos] == ' '))
        {
            pos++;
            if (!TryParseClock(s, ref pos, perSecond, out timeOfDay))
            {
                throw IcebergException.Invalid($"'{text}' is not an ISO-8601 timestamp");
            }
        }

        long offsetSeconds = 0;
        if (pos < s.Length)
        {
            var rest = s.AsSpan(pos);
            if (rest is "Z" || rest is "z")
            {
                hasZone = true;
            }
            else if ((rest[0] == '+' || rest[0] == '-') && rest.Length == 6 && rest[3] == ':'
                && int.TryParse(rest.Slice(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var oh)
                && int.TryParse(rest.Slice(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var om))
            {
                hasZone = true;
                offsetSeconds = (rest[0] == '-' ? -1 : 1) * ((oh * 3600L) + (om * 60L));
            }
            else
            {
                throw IcebergException.Invalid($"'{text}' has an invalid zone offset");
            }
        }

        Int128 value = ((Int128)DaysFromDate(date) * 86_400 * perSecond) + timeOfDay - ((Int128)offsetSeconds * perSecond);
        if (value < long.MinValue || value > long.MaxValue)
        {
            throw IcebergException.Invalid($"'{text}' is outside the range of {(nanos ? "nanosecond" : "microsecond")} timestamps");
        }

        return (long)value;
    }

    private static string FormatTimestamp(long value, long perSecond, int digits, bool withZone)
    {
        var seconds = FloorDiv(value, perSecond, out var frac);
        var s = DateAndClock(seconds) + "." + frac.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return withZone ? s + "+00:00" : s;
    }

    private static string DateAndClock(long secondsSinceEpoch)
    {
        var days = FloorDiv(secondsSinceEpoch, 86_400, out var secondOfDay);
        return FormatDate(days) + "T" + Clock(secondOfDay);
    }

    private static string Clock(long secondOfDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{secondOfDay / 3600:D2}:{secondOfDay / 60 % 60:D2}:{secondOfDay % 60:D2}");

    private static bool TryParseClock(string s, ref int pos, long perSecond, out long value)
    {
        value = 0;
        if (!TwoDigits(s, pos, out var h) || pos + 5 > s.Length || s[pos + 2] != ':' || !TwoDigits(s, pos + 3, out var m) || h > 23 || m > 59)
        {
            return false;
        }

        pos += 5;
        var sec = 0;
        long frac = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            if (!TwoDigits(s, pos + 1, out sec) || sec > 59)
            {
                return false;
            }

            pos += 3;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                var digits = 0;
                long scale = perSecond;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (scale >= 10)
                    {
                        scale /= 10;
                        frac += (s[pos] - '0') * scale;
                    }

                    digits++;
                    pos++;
                }

                if (digits == 0)
                {
                    return false;
                }
            }
        }

        value = (((h * 3600L) + (m * 60L) + sec) * perSecond) + frac;
        return true;
    }

    private static bool TwoDigits(string s, int pos, out int value)
    {
        value = 0;
        if (pos + 2 > s.Length || !char.IsAsciiDigit(s[pos]) || !char.IsAsciiDigit(s[pos + 1]))
        {
            return false;
        }

        value = ((s[pos] - '0') * 10) + (s[pos + 1] - '0');
        return true;
    }
}
