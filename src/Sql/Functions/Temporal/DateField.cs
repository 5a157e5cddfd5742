namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>Fields of extract(field FROM x) and date_part / the field functions (year(x), hour(x), …).</summary>
public enum DateField
{
    Year,
    Quarter,
    Month,
    Week,
    Day,
    DayOfWeek,
    DayOfYear,
    YearOfWeek,
    Hour,
    Minute,
    Second,
    Millisecond,
    Microsecond,
    TimezoneHour,
    TimezoneMinute,
    Epoch,
}
