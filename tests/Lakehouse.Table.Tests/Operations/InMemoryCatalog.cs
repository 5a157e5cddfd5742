using Lakehouse.Table.Catalog;
using Lakehouse.Table.IO;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>A catalog with real compare-and-swap semantics kept in memory, over a warehouse folder on local disk.</summary>
internal sealed class InMemoryCatalog : ICatalog
{
    private readonly object _lock = new();
    private readonly Dictionary<TableIdentifier, string> _tables = [];
    private readonly Dictionary<Namespace, Dictionary<string, string>> _namespaces = [];
    private readonly string _warehouse;

    public InMemoryCatalog(string warehouse, IFileIO? fileIO = null)
    {
        _warehouse = warehouse.TrimEnd('/');
        FileIO = fileIO ?? LocalFileIO.Instance;
    }

    public string Name => "memory";

    public IFileIO FileIO { get; }

    /// <summary>Number of successful compare-and-swaps.</summary>
    public int Commits { get; private set; }

    /// <summary>Called inside CommitTableAsync before the swap (tests use it to inject a concurrent commit).</summary>
    public Func<TableIdentifier, Task>? BeforeCommit { get; set; }

    public string DefaultTableLocation(TableIdentifier identifier) =>
        _warehouse + "/" + string.Join('/', identifier.Namespace.Levels.Append(identifier.Name));

    public Task CreateNamespaceAsync(Namespace ns, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _namespaces[ns] = new Dictionary<string, string>(properties ?? new Dictionary<string, string>());
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Namespace>> ListNamespacesAsync(Namespace? parent = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Namespace>>([.. _namespaces.Keys]);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> LoadNamespacePropertiesAsync(Namespace ns, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(_namespaces[ns]);
        }
    }

    public Task UpdateNamespacePropertiesAsync(Namespace ns, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string> remove, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task<bool> DropNamespaceAsync(Namespace ns, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_namespaces.Remove(ns));
        }
    }

    public Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(Namespace ns, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<TableIdentifier>>([.. _tables.Keys.Where(t => t.Namespace.Equals(ns))]);
        }
    }

    public Task<bool> TableExistsAsync(TableIdentifier identifier, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tables.ContainsKey(identifier));
        }
    }

    public Task<string> LoadMetadataLocationAsync(TableIdentifier identifier, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _tables.TryGetValue(identifier, out var location)
                ? Task.FromResult(location)
                : throw new IcebergException(IcebergErrorKind.NotFound, $"table {identifier} does not exist");
        }
    }

    public Task RegisterTableAsync(TableIdentifier identifier, string metadataLocation, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_tables.TryAdd(identifier, metadataLocation))
            {
                throw new IcebergException(IcebergErrorKind.AlreadyExists, $"table {identifier} already exists");
            }
        }

        return Task.CompletedTask;
    }

    public async Task CommitTableAsync(TableIdentifier identifier, string expectedMetadataLocation, string newMetadataLocation, CancellationToken cancellationToken = default)
    {
        if (BeforeCommit is { } hook)
        {
            BeforeCommit = null;
            await hook(identifier);
        }

        lock (_lock)
        {
            if (!_tables.TryGetValue(identifier, out var current) || current != expectedMetadataLocation)
            {
                throw new CommitConflictException($"table {identifier} changed: expected {expectedMetadataLocation}, found {current}");
            }

            _tables[identifier] = newMetadataLocation;
            Commits++;
        }
    }

    public Task<bool> DropTableAsync(TableIdentifier identifier, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tables.Remove(identifier));
        }
    }

    public Task RenameTableAsync(TableIdentifier from, TableIdentifier to, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var location = _tables[from];
            _tables.Remove(from);
            _tables[to] = location;
        }

        return Task.CompletedTask;
    }
}
