using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>Concurrent updaters on one table through a catalog with real compare-and-swap.</summary>
public sealed class ConcurrentCommitTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("concurrent");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, string> FastRetries(int retries) => new()
    {
        [TableProperties.CommitMinRetryWaitMs] = "1",
        [TableProperties.CommitMaxRetryWaitMs] = "5",
        [TableProperties.CommitNumRetries] = $"{retries}",
    };

    [Fact]
    public async Task SchemaChangeIsReappliedOnTopOfAConcurrentSchemaChange()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        await TableOperations.CreateTableAsync(catalog, id, TableOperationsTests.SampleSchema(), properties: FastRetries(4));
        var a = new TableOperations(catalog, id);
        var b = new TableOperations(catalog, id);
        var update = a.UpdateSchema().AddColumn("from_a", PrimitiveType.Int);
        await a.RefreshAsync();

        // b commits between a's metadata write and a's compare-and-swap.
        catalog.BeforeCommit = async _ => await b.UpdateSchema().AddColumn("from_b", PrimitiveType.String).CommitAsync();
        var m = await update.CommitAsync();
        Assert.Equal(4, m.CurrentSchema.Field("from_b").Id);
        Assert.Equal(5, m.CurrentSchema.Field("from_a").Id);
        Assert.Equal(5, m.LastColumnId);
        Assert.Equal(3, m.Schemas.Count);
        Assert.Equal(2, catalog.Commits);

        // The losing attempt's metadata file was deleted: v0, b's v1, a's v2.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }

    [Fact]
    public async Task ConflictingChangeFailsOnRetryWithoutGarbage()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        await TableOperations.CreateTableAsync(catalog, id, TableOperationsTests.SampleSchema(), properties: FastRetries(4));
        var a = new TableOperations(catalog, id);
        var update = a.UpdateSchema().RenameColumn("data", "payload");
        await a.RefreshAsync();
        catalog.BeforeCommit = async _ => await new TableOperations(catalog, id).UpdateSchema().DeleteColumn("data").CommitAsync();
        var e = await Assert.ThrowsAsync<IcebergException>(() => update.CommitAsync());
        Assert.Contains("cannot rename column 'data'", e.Message);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }

    [Fact]
    public async Task RetriesExhaustedThrowCommitConflict()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        await TableOperations.CreateTableAsync(catalog, id, TableOperationsTests.SampleSchema(), properties: FastRetries(0));
        var a = new TableOperations(catalog, id);
        await a.RefreshAsync();
        catalog.BeforeCommit = async _ => await new TableOperations(catalog, id).UpdateProperties().Set("x", "1").CommitAsync();
        var e = await Assert.ThrowsAsync<CommitConflictException>(() => a.UpdateProperties().Set("y", "1").CommitAsync());
        Assert.Contains("failed after 1 attempt", e.Message);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }

    [Fact]
    public async Task ParallelUpdatersAllLand()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        await TableOperations.CreateTableAsync(catalog, id, TableOperationsTests.SampleSchema(), properties: FastRetries(200));
        const int Writers = 6;
        const int CommitsPerWriter = 5;
        var tasks = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var ops = new TableOperations(catalog, id);
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                if (w % 2 == 0)
                {
                    await ops.UpdateProperties().Set($"w{w}.{i}", "x").CommitAsync();
                }
                else
                {
                    await ops.UpdateSchema().AddColumn($"c{w}_{i}", PrimitiveType.Int).CommitAsync();
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var m = await new TableOperations(catalog, id).RefreshAsync();
        Assert.Equal(Writers * CommitsPerWriter, catalog.Commits);
        Assert.Equal(3 * CommitsPerWriter, m.Properties.Keys.Count(k => k.StartsWith('w')));
        Assert.Equal(3 + (3 * CommitsPerWriter), m.CurrentSchema.Fields.Count);
        Assert.Equal(m.CurrentSchema.Fields.Select(f => f.Id).Distinct().Count(), m.CurrentSchema.Fields.Count);
        Assert.Equal(3 + (3 * CommitsPerWriter), m.LastColumnId);
        Assert.Equal(Writers * CommitsPerWriter, m.MetadataLog.Count);
        Assert.Equal(Writers * CommitsPerWriter, TableOperations.ParseVersion(m.MetadataFileLocation!));

        // Exactly the committed metadata files remain.
        Assert.Equal(Writers * CommitsPerWriter + 1, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }
}
