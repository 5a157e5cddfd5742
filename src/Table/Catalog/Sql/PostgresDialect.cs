using System.Data.Common;
using Npgsql;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>The shared catalog database: PostgreSQL through Npgsql (one pooled data source per catalog).</summary>
public sealed class PostgresDialect : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Port=…;Username=…;Password=…;Database=…</c>).</param>
    public PostgresDialect(string connectionString, bool readOnly = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        ReadOnly = readOnly;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Description { get; }

    public override bool ReadOnly { get; }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    // 23505 unique_violation.
    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: "23505" };

    // CREATE TABLE IF NOT EXISTS racing another session: 23505 on pg_type, 42P07 duplicate_table, 42710 duplicate_object.
    public override bool IsConcurrentCreate(DbException exception) => exception is PostgresException { SqlState: "23505" or "42P07" or "42710" };

    // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available; and lost connections.
    public override bool IsTransient(DbException exception) =>
        exception is PostgresException { SqlState: "40001" or "40P01" or "55P03" } || exception is NpgsqlException { IsTransient: true };

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
