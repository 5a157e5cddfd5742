namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>The units of date_trunc, date_add and date_diff (Trino's names, case-insensitive).</summary>
public enum DateTimeUnit
{
    Microsecond,
    Millisecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}
