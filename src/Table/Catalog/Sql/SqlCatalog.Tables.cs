using System.Data.Common;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>Tables: rows of <c>iceberg_tables</c>; the commit is a compare-and-swap on <c>metadata_location</c>.</summary>
public sealed partial class SqlCatalog
{
    public Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(Namespace ns, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TableIdentifier>>(
            async (connection, ct) =>
            {
                if (!ns.IsEmpty && !await NamespaceExistsAsync(connection, null, ns, ct).ConfigureAwait(false))
                {
                    throw NamespaceNotFound(ns);
                }

                var names = await QueryStringsAsync(
                    connection,
                    null,
                    "SELECT table_name FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace" + TableRowFilter,
                    ct,
                    ("@catalog", Name),
                    ("@namespace", NamespaceText(ns))).ConfigureAwait(false);
                names.Sort(StringComparer.Ordinal);
                return names.ConvertAll(name => new TableIdentifier(ns, name));
            },
            cancellationToken);

    public async Task<bool> TableExistsAsync(TableIdentifier identifier, CancellationToken cancellationToken = default) =>
        await TryLoadMetadataLocationAsync(identifier, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<string> LoadMetadataLocationAsync(TableIdentifier identifier, CancellationToken cancellationToken = default) =>
        await TryLoadMetadataLocationAsync(identifier, cancellationToken).ConfigureAwait(false) ?? throw TableNotFound(identifier);

    /// <summary>The current metadata location, or null when the table is not in the catalog.</summary>
    public Task<string?> TryLoadMetadataLocationAsync(TableIdentifier identifier, CancellationToken cancellationToken = default) =>
        RunAsync((connection, ct) => CurrentLocationAsync(connection, identifier, ct), cancellationToken);

    public Task RegisterTableAsync(TableIdentifier identifier, string metadataLocation, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        RequireNamespace(identifier);
        return RunAsync(
            async (connection, ct) =>
            {
                try
                {
                    if (_hasRecordType)
                    {
                        await ExecuteAsync(
                            connection,
                            null,
                            "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location, iceberg_type) "
                            + "VALUES (@catalog, @namespace, @table, @location, NULL, 'TABLE')",
                            ct,
                            ("@catalog", Name),
                            ("@namespace", NamespaceText(identifier.Namespace)),
                            ("@table", identifier.Name),
                            ("@location", metadataLocation)).ConfigureAwait(false);
                    }
                    else
                    {
                        await ExecuteAsync(
                            connection,
                            null,
                            "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location) "
                            + "VALUES (@catalog, @namespace, @table, @location, NULL)",
                            ct,
                            ("@catalog", Name),
                            ("@namespace", NamespaceText(identifier.Namespace)),
                            ("@table", identifier.Name),
                            ("@location", metadataLocation)).ConfigureAwait(false);
                    }
                }
                catch (DbException e) when (_dialect.IsUniqueViolation(e))
                {
                    // A retried insert whose first attempt landed is not a conflict.
                    if (await CurrentLocationAsync(connection, identifier, ct).ConfigureAwait(false) == metadataLocation)
                    {
                        return true;
                    }

                    throw new IcebergException(IcebergErrorKind.AlreadyExists, $"table already exists: {identifier}", e);
                }

                return true;
            },
            cancellationToken);
    }

    public Task CommitTableAsync(TableIdentifier identifier, string expectedMetadataLocation, string newMetadataLocation, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        if (string.Equals(expectedMetadataLocation, newMetadataLocation, StringComparison.Ordinal))
        {
            throw IcebergException.Invalid($"commit of {identifier}: the new metadata location equals the expected one ({newMetadataLocation})");
        }

        return RunAsync(
            async (connection, ct) =>
            {
                var updated = await ExecuteAsync(
                    connection,
                    null,
                    "UPDATE iceberg_tables SET metadata_location = @new, previous_metadata_location = @expected "
                    + "WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @table AND metadata_location = @expected" + TableRowFilter,
                    ct,
                    ("@new", newMetadataLocation),
                    ("@expected", expectedMetadataLocation),
                    ("@catalog", Name),
                    ("@namespace", NamespaceText(identifier.Namespace)),
                    ("@table", identifier.Name)).ConfigureAwait(false);
                if (updated == 1)
                {
                    return true;
                }

                var current = await CurrentLocationAsync(connection, identifier, ct).ConfigureAwait(false);
                if (current is null)
                {
                    throw TableNotFound(identifier);
                }

                // An attempt retried after a lost connection may find its own earlier update applied.
                if (string.Equals(current, newMetadataLocation, StringComparison.Ordinal))
                {
                    return true;
                }

                throw new CommitConflictException($"commit of {identifier} failed: the table's metadata is {current}, not the expected {expectedMetadataLocation} (another commit came first)");
            },
            cancellationToken);
    }

    public Task<bool> DropTableAsync(TableIdentifier identifier, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        return RunAsync(
            async (connection, ct) => await ExecuteAsync(
                connection,
                null,
                "DELETE FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @table" + TableRowFilter,
                ct,
                ("@catalog", Name),
                ("@namespace", NamespaceText(identifier.Namespace)),
                ("@table", identifier.Name)).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    public Task RenameTableAsync(TableIdentifier from, TableIdentifier to, CancellationToken cancellationToken = default)
    {
        RequireWritable();
        RequireNamespace(to);
        return RunAsync(
            async (connection, ct) =>
            {
                int updated;
                try
                {
                    updated = await ExecuteAsync(
                        connection,
                        null,
                        "UPDATE iceberg_tables SET table_namespace = @toNamespace, table_name = @toTable "
                        + "WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @table" + TableRowFilter,
                        ct,
                        ("@toNamespace", NamespaceText(to.Namespace)),
                        ("@toTable", to.Name),
                        ("@catalog", Name),
                        ("@namespace", NamespaceText(from.Namespace)),
                        ("@table", from.Name)).ConfigureAwait(false);
                }
                catch (DbException e) when (_dialect.IsUniqueViolation(e))
                {
                    throw new IcebergException(IcebergErrorKind.AlreadyExists, $"table already exists: {to}", e);
                }

                return updated > 0 ? true : throw TableNotFound(from);
            },
            cancellationToken);
    }

    private async Task<string?> CurrentLocationAsync(DbConnection connection, TableIdentifier identifier, CancellationToken cancellationToken)
    {
        var rows = await QueryStringsAsync(
            connection,
            null,
            "SELECT metadata_location FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @table" + TableRowFilter,
            cancellationToken,
            ("@catalog", Name),
            ("@namespace", NamespaceText(identifier.Namespace)),
            ("@table", identifier.Name)).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    private static void RequireNamespace(TableIdentifier identifier)
    {
        if (identifier.Namespace.IsEmpty)
        {
            throw IcebergException.Invalid($"table {identifier} needs a namespace (e.g. default.{identifier.Name})");
        }
    }

    private static IcebergException TableNotFound(TableIdentifier identifier) => new(IcebergErrorKind.NotFound, $"table does not exist: {identifier}");
}
