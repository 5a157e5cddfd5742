namespace Lakehouse.Sql.Functions.Temporal;

/// <summary>Parsing of unit names as Trino accepts them.</summary>
public static class DateTimeUnits
{
    /// <summary>Parses a unit name given as UTF-8 bytes (no allocation for the known names).</summary>
    public static DateTimeUnit Parse(ReadOnlySpan<byte> unit, bool forDate = false)
    {
        Span<byte> lower = stackalloc byte[16];
        if (unit.Length <= lower.Length && System.Text.Ascii.ToLower(unit, lower, out var n) == System.Buffers.OperationStatus.Done)
        {
            DateTimeUnit? parsed = lower[..n] switch
            {
                var u when u.SequenceEqual("microsecond"u8) => DateTimeUnit.Microsecond,
                var u when u.SequenceEqual("millisecond"u8) => DateTimeUnit.Millisecond,
                var u when u.SequenceEqual("second"u8) => DateTimeUnit.Second,
                var u when u.SequenceEqual("minute"u8) => DateTimeUnit.Minute,
                var u when u.SequenceEqual("hour"u8) => DateTimeUnit.Hour,
                var u when u.SequenceEqual("day"u8) => DateTimeUnit.Day,
                var u when u.SequenceEqual("week"u8) => DateTimeUnit.Week,
                var u when u.SequenceEqual("month"u8) => DateTimeUnit.Month,
                var u when u.SequenceEqual("quarter"u8) => DateTimeUnit.Quarter,
                var u when u.SequenceEqual("year"u8) => DateTimeUnit.Year,
                _ => null,
            };
            if (parsed is { } p && (!forDate || p >= DateTimeUnit.Day))
            {
                return p;
            }
        }

        return Parse(System.Text.Encoding.UTF8.GetString(unit), forDate);
    }

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
