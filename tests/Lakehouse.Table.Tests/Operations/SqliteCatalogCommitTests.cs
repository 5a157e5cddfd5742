using Lakehouse.Table.Catalog;
using Lakehouse.Table.Maintenance;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>TableOperations over the SQL catalog on SQLite: create, concurrent evolution, register, drop with purge.</summary>
public sealed class SqliteCatalogCommitTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("sqlite-commit");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ConcurrentUpdatersOnSeparateCatalogConnectionsAllLand()
    {
        var warehouse = Path.Combine(_dir, "wh");
        var id = TableIdentifier.Parse("db.t");
        await using (var setup = CatalogFactory.Open(warehouse))
        {
            await setup.CreateNamespaceAsync(Namespace.Of("db"));
            await TableOperations.CreateTableAsync(setup, id, TableOperationsTests.SampleSchema(), properties: new Dictionary<string, string>
            {
                [TableProperties.CommitMinRetryWaitMs] = "1",
                [TableProperties.CommitMaxRetryWaitMs] = "10",
                [TableProperties.CommitNumRetries] = "100",
            });
        }

        const int Writers = 4;
        const int Commits = 4;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await using var catalog = CatalogFactory.Open(warehouse);
            var ops = new TableOperations(catalog, id);
            for (var i = 0; i < Commits; i++)
            {
                await ops.UpdateSchema().AddColumn($"w{w}_{i}", PrimitiveType.Long).CommitAsync();
            }
        })));

        await using var reader = CatalogFactory.Open(warehouse);
        var m = await new TableOperations(reader, id).RefreshAsync();
        Assert.Equal(3 + (Writers * Commits), m.CurrentSchema.Fields.Count);
        Assert.Equal(3 + (Writers * Commits), m.LastColumnId);
        Assert.Equal(Writers * Commits, m.MetadataLog.Count);
        Assert.Equal(Writers * Commits + 1, Directory.GetFiles(Path.Combine(warehouse, "db", "t", "metadata"), "*.metadata.json").Length);
    }

    [SkippableFact]
    public async Task RegisterAndDropWithPurge()
    {
        // A copied fixture table registered by its metadata file, then dropped with purge: every referenced file goes.
        var source = SharedFixtures.Require("iceberg/duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table");
        var root = Path.Combine(_dir, "t");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var location = TableMetadataParser.ReadFile(Path.Combine(root, "metadata", "v9.metadata.json")).Location;
        var io = new RootedFileIO(location, root);
        await using var catalog = CatalogFactory.Open(Path.Combine(_dir, "wh"), fileIO: io);
        await catalog.CreateNamespaceAsync(Namespace.Of("db"));
        var id = TableIdentifier.Parse("db.t");
        var ops = await TableOperations.RegisterTableAsync(catalog, id, location + "/metadata/v9.metadata.json");
        Assert.Equal(7, (await ops.RefreshAsync()).Snapshots.Count);
        await Assert.ThrowsAsync<IcebergException>(() => TableOperations.RegisterTableAsync(catalog, TableIdentifier.Parse("db.u"), location + "/metadata/v99.metadata.json"));
        Assert.False(await catalog.TableExistsAsync(TableIdentifier.Parse("db.u")));

        Assert.True(await ops.DropAsync(purge: true));
        Assert.False(await catalog.TableExistsAsync(id));
        Assert.Equal(["version-hint.text"], Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.False(await ops.DropAsync(purge: true));
    }
}
