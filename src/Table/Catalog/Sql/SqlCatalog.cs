using System.Data.Common;
using Lakehouse.Table.IO;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>
/// The Iceberg SQL catalog (the layout of Iceberg Java's JdbcCatalog and PyIceberg's SqlCatalog), so those engines
/// and this one can share a catalog database:
/// <list type="bullet">
/// <item><c>iceberg_tables(catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location[, iceberg_type])</c>:
/// one row per table (and, for Java, per view: <c>iceberg_type = 'VIEW'</c>; <c>'TABLE'</c> or NULL is a table);</item>
/// <item><c>iceberg_namespace_properties(catalog_name, namespace, property_key, property_value)</c>: namespace properties, with
/// <c>exists = true</c> recorded for every namespace created explicitly.</item>
/// </list>
/// Namespace levels are joined with '.'. A namespace exists when it has properties or when a table lives in it or below it.
/// The commit is a compare-and-swap: <c>UPDATE … WHERE … AND metadata_location = expected</c>; no row updated means
/// another commit came first. Both tables are created when absent (with <c>iceberg_type</c>, as Java's schema V1);
/// a catalog created without <c>iceberg_type</c> (PyIceberg, Java V0) is used as it is.
/// </summary>
public sealed partial class SqlCatalog : ICatalog, IAsyncDisposable
{
    private const int MaxTransientRetries = 8;
    private readonly SqlDialect _dialect;
    private readonly string _warehouse;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;
    private bool _hasRecordType;

    /// <param name="name">The <c>catalog_name</c> of every row this catalog reads and writes.</param>
    /// <param name="warehouse">Root location of new tables (a local folder or an <c>s3://</c> prefix).</param>
    /// <param name="fileIO">Storage of the tables.</param>
    /// <param name="dialect">The database; the catalog disposes it.</param>
    public SqlCatalog(string name, string warehouse, IFileIO fileIO, SqlDialect dialect)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw IcebergException.Invalid("catalog name must not be empty");
        }

        Name = name;
        _warehouse = warehouse.TrimEnd('/');
        FileIO = fileIO;
        _dialect = dialect;
    }

    public string Name { get; }

    public IFileIO FileIO { get; }

    /// <summary>The warehouse root (new tables go below it).</summary>
    public string Warehouse => _warehouse;

    /// <summary>The database, for messages.</summary>
    public string Database => _dialect.Description;

    /// <summary>True when the catalog table has Java's <c>iceberg_type</c> column (known after the first call).</summary>
    public bool HasRecordTypeColumn => _hasRecordType;

    public string DefaultTableLocation(TableIdentifier identifier)
    {
        var parts = new List<string>(identifier.Namespace.Levels.Count + 2) { _warehouse };
        parts.AddRange(identifier.Namespace.Levels);
        parts.Add(identifier.Name);
        return string.Join('/', parts);
    }

    /// <summary>Creates the catalog tables when absent and learns which layout the database has. Called by every operation.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            await WithRetriesAsync(InitializeCoreAsync, cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async Task<bool> InitializeCoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_dialect.ReadOnly)
        {
            await _dialect.PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
            foreach (var ddl in new[] { CreateTablesTableSql, CreateNamespacePropertiesTableSql })
            {
                try
                {
                    await ExecuteAsync(connection, null, ddl, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsConcurrentCreate(e))
                {
                    // PostgreSQL: two processes created the table at the same moment; the other one won.
                }
            }
        }

        _hasRecordType = false;
        try
        {
            foreach (var table in new[] { "iceberg_namespace_properties", "iceberg_tables" })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table} WHERE 1 = 0";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _hasRecordType |= string.Equals(reader.GetName(i), "iceberg_type", StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        catch (DbException e) when (!_dialect.IsTransient(e))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"not an Iceberg SQL catalog: {_dialect.Description} has no iceberg_tables/iceberg_namespace_properties tables ({e.Message})", e);
        }

        return true;
    }

    /// <summary>Runs <paramref name="action"/> on a fresh pooled connection, again (with backoff) after transient errors.</summary>
    private async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await WithRetriesAsync(action, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WithRetriesAsync<T>(Func<DbConnection, CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await action(connection, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DbException e) when (attempt < MaxTransientRetries && _dialect.IsTransient(e))
            {
                // Full jitter, 10 ms doubling up to ~1 s.
                var ceiling = Math.Min(1000, 10 << attempt);
                await Task.Delay(Random.Shared.Next(ceiling / 2, ceiling + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void RequireWritable()
    {
        if (_dialect.ReadOnly)
        {
            throw IcebergException.Invalid($"catalog {_dialect.Description} is open read-only");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dialect.DisposeAsync().ConfigureAwait(false);
        _initLock.Dispose();
    }

    public override string ToString() => $"SQL catalog '{Name}' on {_dialect.Description}, warehouse {_warehouse}";
}
