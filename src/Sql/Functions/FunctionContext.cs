namespace Lakehouse.Sql.Functions;

/// <summary>Per-query state functions may read: session time zone, query start time, cancellation.</summary>
public sealed class FunctionContext
{
    public FunctionContext(TimeZoneInfo timeZone, DateTimeOffset queryStart, CancellationToken cancellationToken = default)
    {
        TimeZone = timeZone;
        QueryStart = queryStart;
        CancellationToken = cancellationToken;
    }

    /// <summary>A context in UTC starting now (tests, constant folding).</summary>
    public static FunctionContext Default => new(TimeZoneInfo.Utc, DateTimeOffset.UtcNow);

    /// <summary>The session time zone (SET TIME ZONE); timestamp with time zone values are shown in it.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>current_timestamp / now() for the whole query.</summary>
    public DateTimeOffset QueryStart { get; }

    public CancellationToken CancellationToken { get; }
}
