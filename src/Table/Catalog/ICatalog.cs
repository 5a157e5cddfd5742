using Lakehouse.Table.IO;

namespace Lakehouse.Table.Catalog;

/// <summary>
/// Where tables are named and where each table's current metadata file is recorded. The one atomic primitive is
/// <see cref="CommitTableAsync"/>: compare-and-swap of the metadata location. Writing metadata files, retries and
/// conflict validation live above it (table operations). Implementations: the SQL catalog (SQLite, PostgreSQL;
/// the Iceberg JDBC catalog layout) and others.
/// </summary>
public interface ICatalog
{
    /// <summary>The catalog name (the SQL catalog's <c>catalog_name</c> column).</summary>
    string Name { get; }

    /// <summary>The storage the catalog's tables live on.</summary>
    IFileIO FileIO { get; }

    /// <summary>The default location of a new table, e.g. <c>{warehouse}/{ns1}/{ns2}/{table}</c>.</summary>
    string DefaultTableLocation(TableIdentifier identifier);

    Task CreateNamespaceAsync(Namespace ns, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default);

    /// <summary>Namespaces directly below <paramref name="parent"/> (all top-level ones for the empty namespace).</summary>
    Task<IReadOnlyList<Namespace>> ListNamespacesAsync(Namespace? parent = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<string, string>> LoadNamespacePropertiesAsync(Namespace ns, CancellationToken cancellationToken = default);

    /// <summary>Sets and removes namespace properties.</summary>
    Task UpdateNamespacePropertiesAsync(Namespace ns, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken = default);

    /// <summary>Drops an empty namespace; false when it did not exist; throws when it still holds tables.</summary>
    Task<bool> DropNamespaceAsync(Namespace ns, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(Namespace ns, CancellationToken cancellationToken = default);

    Task<bool> TableExistsAsync(TableIdentifier identifier, CancellationToken cancellationToken = default);

    /// <summary>The current metadata location of a table; throws <see cref="IcebergException"/> (NotFound) when absent.</summary>
    Task<string> LoadMetadataLocationAsync(TableIdentifier identifier, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a new table whose first metadata file is already written; throws <see cref="IcebergException"/>
    /// (AlreadyExists) when the name is taken. Also used to register an existing metadata file.
    /// </summary>
    Task RegisterTableAsync(TableIdentifier identifier, string metadataLocation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically replaces the table's metadata location with <paramref name="newMetadataLocation"/> if it is still
    /// <paramref name="expectedMetadataLocation"/> (the previous one is kept as previous_metadata_location); throws
    /// <see cref="CommitConflictException"/> when another commit got there first.
    /// </summary>
    Task CommitTableAsync(TableIdentifier identifier, string expectedMetadataLocation, string newMetadataLocation, CancellationToken cancellationToken = default);

    /// <summary>Removes the table from the catalog (files are purged by the caller when asked); false when absent.</summary>
    Task<bool> DropTableAsync(TableIdentifier identifier, CancellationToken cancellationToken = default);

    Task RenameTableAsync(TableIdentifier from, TableIdentifier to, CancellationToken cancellationToken = default);
}
