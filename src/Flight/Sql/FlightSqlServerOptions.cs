using Lakehouse.Flight.Auth;

namespace Lakehouse.Flight.Sql;

/// <summary>Settings of <see cref="FlightSqlServer"/> (validated by <see cref="Validate"/>).</summary>
public sealed record FlightSqlServerOptions
{
    /// <summary>Users and the anonymous policy; the default admits anonymous callers from loopback only.</summary>
    public UserStore Users { get; init; } = UserStore.LoopbackAnonymous;

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long tickets and idle prepared statements stay valid.</summary>
    public TimeSpan HandleLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Queries (DoGet streams, updates, ingests) running at once; more wait up to <see cref="QueueTimeout"/>.</summary>
    public int MaxConcurrentQueries { get; init; } = 16;

    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-query time limit (DEADLINE_EXCEEDED after it); <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Upper bound of one FlightData message body; larger batches are split by rows.</summary>
    public int MaxFlightDataBytes { get; init; } = 2 * 1024 * 1024;

    public void Validate()
    {
        if (MaxConcurrentQueries < 1)
        {
            throw new ArgumentException("MaxConcurrentQueries must be at least 1");
        }

        if (MaxFlightDataBytes < 1024)
        {
            throw new ArgumentException("MaxFlightDataBytes must be at least 1024");
        }

        if (TokenLifetime <= TimeSpan.Zero || HandleLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("token and handle lifetimes must be positive");
        }
    }
}
