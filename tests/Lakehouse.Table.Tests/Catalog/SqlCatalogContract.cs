using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Xunit;

namespace Lakehouse.Table.Tests.Catalog;

/// <summary>
/// The SQL catalog's behaviour, the same on every database: namespaces, tables, the compare-and-swap commit and
/// concurrent committers. Each test uses its own catalog name, so tests can share one database.
/// </summary>
public abstract class SqlCatalogContract
{
    /// <summary>A catalog named <paramref name="name"/> on the database under test (skips when that database is absent).</summary>
    protected abstract SqlCatalog Open(string name);

    protected static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..24];

    [SkippableFact]
    public async Task NamespacesAreCreatedListedAndDropped()
    {
        await using var catalog = Open(UniqueName("ns"));
        await catalog.CreateNamespaceAsync(Namespace.Of("bronze"));
        await catalog.CreateNamespaceAsync(Namespace.Of("gold", "kpi"), new Dictionary<string, string> { ["owner"] = "ana", ["comment"] = "minute KPIs" });

        var top = await catalog.ListNamespacesAsync();
        Assert.Equal(["bronze", "gold"], top.Select(n => n.ToString()));
        Assert.Equal(["gold.kpi"], (await catalog.ListNamespacesAsync(Namespace.Of("gold"))).Select(n => n.ToString()));
        Assert.Empty(await catalog.ListNamespacesAsync(Namespace.Of("bronze")));

        var properties = await catalog.LoadNamespacePropertiesAsync(Namespace.Of("gold", "kpi"));
        Assert.Equal("true", properties["exists"]);
        Assert.Equal("ana", properties["owner"]);

        // "gold" exists implicitly (a namespace lives below it) but has no properties of its own.
        Assert.True(await catalog.NamespaceExistsAsync(Namespace.Of("gold")));
        Assert.Empty(await catalog.LoadNamespacePropertiesAsync(Namespace.Of("gold")));

        await catalog.UpdateNamespacePropertiesAsync(Namespace.Of("gold", "kpi"), new Dictionary<string, string> { ["owner"] = "bo", ["tier"] = "1" }, ["comment"]);
        properties = await catalog.LoadNamespacePropertiesAsync(Namespace.Of("gold", "kpi"));
        Assert.Equal(["exists", "owner", "tier"], properties.Keys);
        Assert.Equal("bo", properties["owner"]);

        var again = await Assert.ThrowsAsync<IcebergException>(() => catalog.CreateNamespaceAsync(Namespace.Of("bronze")));
        Assert.Equal(IcebergErrorKind.AlreadyExists, again.Kind);
        var missing = await Assert.ThrowsAsync<IcebergException>(() => catalog.LoadNamespacePropertiesAsync(Namespace.Of("silver")));
        Assert.Equal(IcebergErrorKind.NotFound, missing.Kind);

        Assert.True(await catalog.DropNamespaceAsync(Namespace.Of("bronze")));
        Assert.False(await catalog.DropNamespaceAsync(Namespace.Of("bronze")));
        var notEmpty = await Assert.ThrowsAsync<IcebergException>(() => catalog.DropNamespaceAsync(Namespace.Of("gold")));
        Assert.Contains("not empty", notEmpty.Message, StringComparison.Ordinal);
        Assert.True(await catalog.DropNamespaceAsync(Namespace.Of("gold", "kpi")));
        Assert.Empty(await catalog.ListNamespacesAsync());
    }

    [SkippableFact]
    public async Task NamespaceNamesWithLikeWildcardsMatchExactly()
    {
        await using var catalog = Open(UniqueName("like"));
        await catalog.CreateNamespaceAsync(Namespace.Of("a_b"));
        await catalog.CreateNamespaceAsync(Namespace.Of("axb", "c"));
        await catalog.CreateNamespaceAsync(Namespace.Of("A_B"));

        Assert.True(await catalog.NamespaceExistsAsync(Namespace.Of("a_b")));
        Assert.False(await catalog.NamespaceExistsAsync(Namespace.Of("a%")));
        Assert.Empty(await catalog.ListNamespacesAsync(Namespace.Of("a_b")));
        Assert.True(await catalog.DropNamespaceAsync(Namespace.Of("a_b")));
        Assert.True(await catalog.NamespaceExistsAsync(Namespace.Of("A_B")));
        Assert.True(await catalog.NamespaceExistsAsync(Namespace.Of("axb")));
    }

    [SkippableFact]
    public async Task TablesAreRegisteredListedRenamedAndDropped()
    {
        await using var catalog = Open(UniqueName("tbl"));
        var ns = Namespace.Of("db");
        await catalog.CreateNamespaceAsync(ns);
        var events = new TableIdentifier(ns, "events");
        await catalog.RegisterTableAsync(events, "/wh/db/events/metadata/00000-a.metadata.json");
        await catalog.RegisterTableAsync(new TableIdentifier(ns, "users"), "/wh/db/users/metadata/00000-b.metadata.json");

        Assert.Equal(["events", "users"], (await catalog.ListTablesAsync(ns)).Select(t => t.Name));
        Assert.True(await catalog.TableExistsAsync(events));
        Assert.Equal("/wh/db/events/metadata/00000-a.metadata.json", await catalog.LoadMetadataLocationAsync(events));

        var taken = await Assert.ThrowsAsync<IcebergException>(() => catalog.RegisterTableAsync(events, "/elsewhere.metadata.json"));
        Assert.Equal(IcebergErrorKind.AlreadyExists, taken.Kind);

        // A table in a namespace nobody created makes that namespace exist (as in Java and PyIceberg).
        var clicks = TableIdentifier.Parse("web.raw.clicks");
        await catalog.RegisterTableAsync(clicks, "/wh/web/raw/clicks/metadata/00000-c.metadata.json");
        Assert.Equal(["db", "web"], (await catalog.ListNamespacesAsync()).Select(n => n.ToString()));
        Assert.Equal(["web.raw"], (await catalog.ListNamespacesAsync(Namespace.Of("web"))).Select(n => n.ToString()));

        var renamed = new TableIdentifier(ns, "clicks");
        await catalog.RenameTableAsync(clicks, renamed);
        Assert.False(await catalog.TableExistsAsync(clicks));
        Assert.Equal("/wh/web/raw/clicks/metadata/00000-c.metadata.json", await catalog.LoadMetadataLocationAsync(renamed));
        var clash = await Assert.ThrowsAsync<IcebergException>(() => catalog.RenameTableAsync(renamed, events));
        Assert.Equal(IcebergErrorKind.AlreadyExists, clash.Kind);
        var gone = await Assert.ThrowsAsync<IcebergException>(() => catalog.RenameTableAsync(clicks, renamed));
        Assert.Equal(IcebergErrorKind.NotFound, gone.Kind);

        Assert.True(await catalog.DropTableAsync(events));
        Assert.False(await catalog.DropTableAsync(events));
        var notFound = await Assert.ThrowsAsync<IcebergException>(() => catalog.LoadMetadataLocationAsync(events));
        Assert.Equal(IcebergErrorKind.NotFound, notFound.Kind);
        Assert.Equal(["clicks", "users"], (await catalog.ListTablesAsync(ns)).Select(t => t.Name));

        var noNamespace = await Assert.ThrowsAsync<IcebergException>(() => catalog.ListTablesAsync(Namespace.Of("nope")));
        Assert.Equal(IcebergErrorKind.NotFound, noNamespace.Kind);
    }

    [SkippableFact]
    public async Task CatalogsWithDifferentNamesDoNotSeeEachOther()
    {
        var name = UniqueName("one");
        await using var one = Open(name);
        await using var two = Open(UniqueName("two"));
        await one.CreateNamespaceAsync(Namespace.Of("db"));
        await one.RegisterTableAsync(TableIdentifier.Parse("db.t"), "/m1.metadata.json");
        Assert.Empty(await two.ListNamespacesAsync());
        Assert.False(await two.TableExistsAsync(TableIdentifier.Parse("db.t")));
        await two.RegisterTableAsync(TableIdentifier.Parse("db.t"), "/m2.metadata.json");
        Assert.Equal("/m1.metadata.json", await one.LoadMetadataLocationAsync(TableIdentifier.Parse("db.t")));
    }

    [SkippableFact]
    public async Task CommitIsCompareAndSwapOnTheMetadataLocation()
    {
        await using var catalog = Open(UniqueName("cas"));
        var id = TableIdentifier.Parse("db.t");
        await catalog.RegisterTableAsync(id, "/t/v0.metadata.json");

        await catalog.CommitTableAsync(id, "/t/v0.metadata.json", "/t/v1.metadata.json");
        Assert.Equal("/t/v1.metadata.json", await catalog.LoadMetadataLocationAsync(id));

        // A writer that still believes v0 is current loses and changes nothing.
        var conflict = await Assert.ThrowsAsync<CommitConflictException>(() => catalog.CommitTableAsync(id, "/t/v0.metadata.json", "/t/v1b.metadata.json"));
        Assert.Contains("/t/v1.metadata.json", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("/t/v1.metadata.json", await catalog.LoadMetadataLocationAsync(id));

        // Committing the same transition again (a retry whose first attempt landed) is not a conflict.
        await catalog.CommitTableAsync(id, "/t/v0.metadata.json", "/t/v1.metadata.json");

        var missing = await Assert.ThrowsAsync<IcebergException>(() => catalog.CommitTableAsync(TableIdentifier.Parse("db.none"), "/a", "/b"));
        Assert.Equal(IcebergErrorKind.NotFound, missing.Kind);
    }

    [SkippableFact]
    public async Task ConcurrentCommittersFormOneChain()
    {
        const int writers = 4;
        const int commitsEach = 25;
        var name = UniqueName("conc");
        var id = TableIdentifier.Parse("db.t");
        await using (var setup = Open(name))
        {
            await setup.RegisterTableAsync(id, "v-start");
        }

        var transitions = new System.Collections.Concurrent.ConcurrentBag<(string From, string To)>();
        var conflicts = 0;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            // Each writer has its own catalog object (its own connection pool), like a separate process.
            await using var catalog = Open(name);
            for (var i = 0; i < commitsEach; i++)
            {
                var next = $"v-{w}-{i}";
                while (true)
                {
                    var current = await catalog.LoadMetadataLocationAsync(id);
                    try
                    {
                        await catalog.CommitTableAsync(id, current, next);
                        transitions.Add((current, next));
                        break;
                    }
                    catch (CommitConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        await using var reader = Open(name);
        var final = await reader.LoadMetadataLocationAsync(id);
        AssertSingleChain(transitions, "v-start", final, writers * commitsEach);
    }

    [SkippableFact]
    public async Task TableOperationsRetryConcurrentUpdatesThroughTheCatalog()
    {
        // Real metadata files on disk, the catalog's CAS deciding: every update lands once, the metadata log is one chain.
        var name = UniqueName("ops");
        var id = TableIdentifier.Parse("db.t");
        var folder = Path.Combine(Path.GetTempPath(), name);
        try
        {
            await using (var setup = Open(name))
            {
                var schema = new Lakehouse.Table.Types.Schema([Lakehouse.Table.Types.NestedField.Required(1, "id", Lakehouse.Table.Types.PrimitiveType.Long)]);
                await Lakehouse.Table.Operations.TableOperations.CreateTableAsync(
                    setup, id, schema, location: folder, properties: new Dictionary<string, string> { ["commit.retry.num-retries"] = "100", ["commit.retry.min-wait-ms"] = "1", ["commit.retry.max-wait-ms"] = "20" });
            }

            const int writers = 3;
            const int updatesEach = 8;
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                await using var catalog = Open(name);
                var ops = new Lakehouse.Table.Operations.TableOperations(catalog, id);
                for (var i = 0; i < updatesEach; i++)
                {
                    await ops.UpdateProperties().Set($"w{w}.k{i}", "v").CommitAsync();
                }
            })));

            await using var reader = Open(name);
            var table = await reader.LoadTableAsync(id);
            var keys = table.Metadata.Properties.Keys.Where(k => k.StartsWith('w')).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, updatesEach).Select(i => $"w{w}.k{i}")).Order(StringComparer.Ordinal), keys);
            Assert.Equal(writers * updatesEach, Lakehouse.Table.Operations.TableOperations.ParseVersion(table.MetadataLocation));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The acknowledged transitions link start to end with no fork or gap: every commit is in the history exactly once.</summary>
    protected static void AssertSingleChain(IEnumerable<(string From, string To)> transitions, string start, string end, int expectedCount)
    {
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in transitions)
        {
            Assert.True(next.TryAdd(from, to), $"two commits were acknowledged on top of {from}");
        }

        Assert.Equal(expectedCount, next.Count);
        var cursor = start;
        var steps = 0;
        while (next.TryGetValue(cursor, out var to))
        {
            cursor = to;
            steps++;
        }

        Assert.Equal(expectedCount, steps);
        Assert.Equal(end, cursor);
    }
}
