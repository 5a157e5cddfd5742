using System.Data.Common;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>
/// What differs between the databases the SQL catalog runs on: how connections are made and prepared, and which
/// errors mean "duplicate key" or "try again". The SQL text itself is the same for all of them (named <c>@p</c>
/// parameters, <c>VARCHAR</c> columns, <c>CREATE TABLE IF NOT EXISTS</c>, <c>LIKE … ESCAPE '!'</c>).
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    /// <summary>The database for messages (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>True when the catalog must not change the database (no table creation, no writes).</summary>
    public abstract bool ReadOnly { get; }

    /// <summary>Opens a connection ready for catalog statements.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>One-time preparation of the database before the catalog tables are created (e.g. SQLite WAL mode).</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A primary-key or unique violation (the row already exists).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>A concurrent <c>CREATE TABLE IF NOT EXISTS</c> lost the race (the table exists now).</summary>
    public virtual bool IsConcurrentCreate(DbException exception) => IsUniqueViolation(exception);

    /// <summary>An error after which the same statement may succeed (lock timeout, serialization failure, lost connection).</summary>
    public abstract bool IsTransient(DbException exception);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
