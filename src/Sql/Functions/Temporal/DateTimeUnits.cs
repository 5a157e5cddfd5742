namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>Parsing of unit names as Trino accepts them.</summary>
public static class DateTimeUnits
{
    /// <summary>Parses a unit; <paramref name="forDate"/> rejects units below a day ("'hour' is not a valid DATE field").</summary>
    public static DateTimeUnit Parse(string unit, bool forDate = false)
    {
        var parsed = unit.Trim().ToLowerInvariant() switch
        {
            "microsecond" => DateTimeUnit.Microsecond,
            "millisecond" => DateTimeUnit.Millisecond,
            "second" => DateTimeUnit.Second,
            "minute" => DateTimeUnit.Minute,
            "hour" => DateTimeUnit.Hour,
            "day" => DateTimeUnit.Day,
            "week" => DateTimeUnit.Week,
            "month" => DateTimeUnit.Month,
            "quarter" => DateTimeUnit.Quarter,
            "year" => DateTimeUnit.Year,
            _ => throw FunctionErrors.InvalidArgument($"'{unit}' is not a valid {(forDate ? "DATE" : "Timestamp")} field"),
        };
        if (forDate && parsed < DateTimeUnit.Day)
        {
            throw FunctionErrors.InvalidArgument($"'{unit}' is not a valid DATE field");
        }

        return parsed;
    }
}
