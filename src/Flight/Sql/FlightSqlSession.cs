namespace Lakehouse.Flight.Sql;

/// <summary>
/// Server-side session state: one per Bearer token (or per connection for anonymous callers without a
/// token). Holds the session options (catalog, schema); prepared statements and tickets refer to it.
/// </summary>
internal sealed class FlightSqlSession(string key, FlightSqlUser user)
{
    private readonly Lock _lock = new();

    public string Key { get; } = key;

    public FlightSqlUser User { get; } = user;

    public string? Catalog { get; set; }

    public string? Schema { get; set; }

    public bool Closed { get; set; }

    public Lock SyncRoot => _lock;

    public FlightSqlContext Context(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return new FlightSqlContext(User, Catalog, Schema, cancellationToken);
        }
    }
}
