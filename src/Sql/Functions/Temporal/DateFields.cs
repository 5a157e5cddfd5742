namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>extract(field FROM x) on local wall-clock values (Trino's field names and results).</summary>
public static class DateFields
{
    public static DateField Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "year" => DateField.Year,
        "quarter" => DateField.Quarter,
        "month" => DateField.Month,
        "week" or "week_of_year" => DateField.Week,
        "day" or "day_of_month" => DateField.Day,
        "day_of_week" or "dow" => DateField.DayOfWeek,
        "day_of_year" or "doy" => DateField.DayOfYear,
        "year_of_week" or "yow" => DateField.YearOfWeek,
        "hour" => DateField.Hour,
        "minute" => DateField.Minute,
        "second" => DateField.Second,
        "millisecond" => DateField.Millisecond,
        "microsecond" => DateField.Microsecond,
        "timezone_hour" => DateField.TimezoneHour,
        "timezone_minute" => DateField.TimezoneMinute,
        "epoch" => DateField.Epoch,
        _ => throw FunctionErrors.InvalidArgument($"Invalid EXTRACT field: {name}"),
    };

    /// <summary>A field of a date (day number); time fields are an error as in Trino.</summary>
    public static long OfDate(DateField field, long days) => field switch
    {
        DateField.Hour or DateField.Minute or DateField.Second or DateField.Millisecond or DateField.Microsecond
            or DateField.TimezoneHour or DateField.TimezoneMinute =>
            throw FunctionErrors.InvalidArgument($"Cannot extract {field.ToString().ToUpperInvariant()} from DATE"),
        DateField.Epoch => days * 86400,
        _ => OfDays(field, days),
    };

    /// <summary>A field of a local timestamp in microseconds.</summary>
    public static long OfTimestamp(DateField field, long micros)
    {
        var days = CivilTime.DayOf(micros);
        var timeOfDay = micros - (days * CivilTime.MicrosPerDay);
        return field switch
        {
            DateField.Hour => timeOfDay / CivilTime.MicrosPerHour,
            DateField.Minute => timeOfDay / CivilTime.MicrosPerMinute % 60,
            DateField.Second => timeOfDay / CivilTime.MicrosPerSecond % 60,
            DateField.Millisecond => timeOfDay / 1000 % 1000,
            DateField.Microsecond => timeOfDay % 1000,
            DateField.Epoch => CivilTime.FloorDiv(micros, CivilTime.MicrosPerSecond),
            DateField.TimezoneHour or DateField.TimezoneMinute =>
                throw FunctionErrors.InvalidArgument($"Cannot extract {field.ToString().ToUpperInvariant()} from TIMESTAMP"),
            _ => OfDays(field, days),
        };
    }

    /// <summary>A field of a UTC instant seen in <paramref name="zone"/> (timestamp with time zone).</summary>
    public static long OfTimestampWithZone(DateField field, long utcMicros, SqlTimeZone zone)
    {
        switch (field)
        {
            case DateField.TimezoneHour:
                return zone.OffsetAtUtc(utcMicros) / CivilTime.MicrosPerHour;
            case DateField.TimezoneMinute:
                return zone.OffsetAtUtc(utcMicros) / CivilTime.MicrosPerMinute % 60;
            case DateField.Epoch:
                return CivilTime.FloorDiv(utcMicros, CivilTime.MicrosPerSecond);
            default:
                return OfTimestamp(field, zone.UtcToLocal(utcMicros));
        }
    }

    private static long OfDays(DateField field, long days)
    {
        switch (field)
        {
            case DateField.DayOfWeek:
                return CivilTime.IsoDayOfWeek(days);
            case DateField.DayOfYear:
                return CivilTime.DayOfYear(days);
            case DateField.Week:
                return CivilTime.IsoWeek(days).Week;
            case DateField.YearOfWeek:
                return CivilTime.IsoWeek(days).WeekYear;
        }

        var (y, m, d) = CivilTime.CivilFromDays(days);
        return field switch
        {
            DateField.Year => y,
            DateField.Quarter => ((m - 1) / 3) + 1,
            DateField.Month => m,
            DateField.Day => d,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
