using System.Globalization;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Dates, times, timestamps and durations as ISO 8601 text in the proleptic Gregorian calendar.
/// Years 0000..9999 have four digits; later years are written <c>+12345</c>, earlier ones <c>-0001</c>
/// (astronomical numbering: year 0 is 1 BC). Fractions have 6 digits, 9 for nanosecond units.
/// </summary>
public static class TemporalText
{
    public const long SecondsPerDay = 86_400;

    public static long UnitsPerSecond(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => 1,
        TimeUnit.Millisecond => 1_000,
        TimeUnit.Microsecond => 1_000_000,
        _ => 1_000_000_000,
    };

    /// <summary>Fraction digits for a unit: 9 for nanoseconds, else 6.</summary>
    public static int FractionDigits(TimeUnit unit) => unit == TimeUnit.Nanosecond ? 9 : 6;

    /// <summary>Writes <c>YYYY-MM-DD</c> for a day count since 1970-01-01.</summary>
    public static void WriteDate(Utf8Output output, long daysSinceEpoch)
    {
        CivilFromDays(daysSinceEpoch, out var year, out var month, out var day);
        var span = output.GetSpan(32);
        var p = WriteYear(span, year);
        span[p++] = (byte)'-';
        p = Write2(span, p, month);
        span[p++] = (byte)'-';
        p = Write2(span, p, day);
        output.Advance(p);
    }

    /// <summary>Writes <c>YYYY-MM-DDTHH:MM:SS.ffffff</c> (9 digits for ns) and, when <paramref name="utc"/>, a trailing <c>Z</c>.</summary>
    public static void WriteTimestamp(Utf8Output output, long value, TimeUnit unit, bool utc)
    {
        var perSecond = UnitsPerSecond(unit);
        var seconds = FloorDiv(value, perSecond);
        var fraction = value - (seconds * perSecond);
        var days = FloorDiv(seconds, SecondsPerDay);
        var secondOfDay = seconds - (days * SecondsPerDay);
        WriteDate(output, days);
        output.Write((byte)'T');
        WriteClock(output, (ulong)secondOfDay, (ulong)fraction, unit);
        if (utc)
        {
            output.Write((byte)'Z');
        }
    }

    /// <summary>
    /// Writes a time of day <c>HH:MM:SS.ffffff</c>. Values outside one day are not wrapped: hours may exceed
    /// 23 and negative values get a leading '-'.
    /// </summary>
    public static void WriteTime(Utf8Output output, long value, TimeUnit unit)
    {
        if (value < 0)
        {
            output.Write((byte)'-');
        }

        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var perSecond = (ulong)UnitsPerSecond(unit);
        WriteClock(output, magnitude / perSecond, magnitude % perSecond, unit);
    }

    /// <summary>Writes an ISO 8601 duration in seconds: <c>PT1.500000S</c>, <c>-PT0.000000001S</c>.</summary>
    public static void WriteDuration(Utf8Output output, long value, TimeUnit unit)
    {
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var perSecond = (ulong)UnitsPerSecond(unit);
        var span = output.GetSpan(48);
        var p = 0;
        if (value < 0)
        {
            span[p++] = (byte)'-';
        }

        span[p++] = (byte)'P';
        span[p++] = (byte)'T';
        (magnitude / perSecond).TryFormat(span[p..], out var n, default, CultureInfo.InvariantCulture);
        p += n;
        span[p++] = (byte)'.';
        p = WriteFraction(span, p, magnitude % perSecond, unit);
        span[p++] = (byte)'S';
        output.Advance(p);
    }

    /// <summary>Floor division for a positive divisor.</summary>
    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && a < 0) ? q - 1 : q;
    }

    /// <summary>Proleptic Gregorian year/month/day of a day count since 1970-01-01 (any 64-bit day count
    /// whose year fits a long).</summary>
    public static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        // Shift the epoch to 0000-03-01 so leap days fall at the end of each 400-year era.
        var z = days + 719_468;
        var era = (z >= 0 ? z : z - 146_096) / 146_097;
        var dayOfEra = z - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
    }

    private static void WriteClock(Utf8Output output, ulong seconds, ulong fraction, TimeUnit unit)
    {
        var span = output.GetSpan(48);
        var hours = seconds / 3600;
        var p = 0;
        if (hours < 100)
        {
            p = Write2(span, p, (int)hours);
        }
        else
        {
            hours.TryFormat(span, out p, default, CultureInfo.InvariantCulture);
        }

        span[p++] = (byte)':';
        p = Write2(span, p, (int)(seconds / 60 % 60));
        span[p++] = (byte)':';
        p = Write2(span, p, (int)(seconds % 60));
        span[p++] = (byte)'.';
        p = WriteFraction(span, p, fraction, unit);
        output.Advance(p);
    }

    private static int WriteFraction(Span<byte> span, int p, ulong fraction, TimeUnit unit)
    {
        // Scale the sub-second part to micro- or nanoseconds and print it zero-padded.
        int width;
        switch (unit)
        {
            case TimeUnit.Second: fraction = 0; width = 6; break;
            case TimeUnit.Millisecond: fraction *= 1000; width = 6; break;
            case TimeUnit.Microsecond: width = 6; break;
            default: width = 9; break;
        }

        for (var i = width - 1; i >= 0; i--)
        {
            span[p + i] = (byte)('0' + (int)(fraction % 10));
            fraction /= 10;
        }

        return p + width;
    }

    private static int WriteYear(Span<byte> span, long year)
    {
        var p = 0;
        if (year is >= 0 and <= 9999)
        {
            return Write4(span, 0, (int)year);
        }

        span[p++] = year < 0 ? (byte)'-' : (byte)'+';
        var magnitude = year < 0 ? (ulong)(-(year + 1)) + 1 : (ulong)year;
        if (magnitude < 10000)
        {
            return Write4(span, p, (int)magnitude);
        }

        magnitude.TryFormat(span[p..], out var n, default, CultureInfo.InvariantCulture);
        return p + n;
    }

    private static int Write2(Span<byte> span, int p, int value)
    {
        span[p] = (byte)('0' + (value / 10));
        span[p + 1] = (byte)('0' + (value % 10));
        return p + 2;
    }

    private static int Write4(Span<byte> span, int p, int value)
    {
        span[p] = (byte)('0' + (value / 1000));
        span[p + 1] = (byte)('0' + (value / 100 % 10));
        span[p + 2] = (byte)('0' + (value / 10 % 10));
        span[p + 3] = (byte)('0' + (value % 10));
        return p + 4;
    }
}
