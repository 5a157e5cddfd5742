namespace Lakehouse.Flight.Sql;

/// <summary>Who is calling and in which session state: passed to every <see cref="IFlightSqlBackend"/> method.</summary>
public sealed class FlightSqlContext(FlightSqlUser user, string? catalog, string? schema, CancellationToken cancellationToken)
{
    public FlightSqlUser User { get; } = user;

    /// <summary>The session's current catalog (SetSessionOptions "catalog"), null for the default.</summary>
    public string? Catalog { get; } = catalog;

    /// <summary>The session's current schema (SetSessionOptions "schema"), null for the default.</summary>
    public string? Schema { get; } = schema;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
