using Lakehouse.Table.Catalog;
using Ex = Lakehouse.Table.Expressions.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Tests.Operations;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Writing;

public sealed class OverwriteTests : IDisposable
{
    private static readonly Dictionary<string, string> s_fastRetry = new() { ["commit.retry.min-wait-ms"] = "1" };
    private readonly string _dir = RepoPaths.NewTempDirectory("table-overwrite");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<IReadOnlyList<DataFile>> WriteAsync(TableOperations ops, long first, int count, string? category = null)
    {
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(first, count, category: category));
        return await writer.CompleteAsync();
    }

    [Fact]
    public async Task DeleteByPartitionFilterIsMetadataOnly()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", properties: s_fastRetry);
        await ops.NewFastAppend().AppendAll(await WriteAsync(ops, 0, 280)).CommitAsync();
        var committed = await ops.NewDelete().DeleteFromRowFilter(Ex.Equal("category", "a")).CommitAsync();

        var snapshot = committed.CurrentSnapshot!;
        Assert.Equal("delete", snapshot.Operation);
        Assert.Equal("1", snapshot.Summary["deleted-data-files"]);
        Assert.Equal("70", snapshot.Summary["deleted-records"]);
        Assert.Equal("210", snapshot.Summary["total-records"]);
        Assert.Equal("3", snapshot.Summary["total-data-files"]);
        Assert.Equal(WriteFixture.Expected(0, 280).Where(r => r.Category != "a").ToList(), await WriteFixture.ReadRowsAsync(committed));
        var entries = WriteFixture.Entries(committed);
        var deleted = Assert.Single(entries, e => e.Status == ManifestEntryStatus.Deleted);
        Assert.Equal(snapshot.SnapshotId, deleted.SnapshotId);
        Assert.Equal(1, deleted.SequenceNumber);
        Assert.Equal(3, entries.Count(e => e.Status == ManifestEntryStatus.Existing));
        Assert.All(entries.Where(e => e.Status == ManifestEntryStatus.Existing), e => Assert.Equal(committed.Snapshots[0].SnapshotId, e.SnapshotId));
        MetadataValidation.ValidateFolder(Path.Combine(_dir, "t", "metadata"));
    }

    [Fact]
    public async Task DeleteOfPartlyMatchingFileIsRefused()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false);
        await ops.NewFastAppend().AppendAll(await WriteAsync(ops, 0, 100)).CommitAsync();
        var error = await Assert.ThrowsAsync<IcebergException>(() => ops.NewDelete().DeleteFromRowFilter(Ex.LessThan("id", 50L)).CommitAsync());
        Assert.Contains("some, but not all", error.Message);

        // Bounds prove every row matches: whole-file delete.
        var committed = await ops.NewDelete().DeleteFromRowFilter(Ex.LessThan("id", 100L)).CommitAsync();
        Assert.Empty(await WriteFixture.ReadRowsAsync(committed));
        Assert.Equal("0", committed.CurrentSnapshot!.Summary["total-records"]);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "t", "metadata"), "snap-*.avro"), f => f.Contains(committed.CurrentSnapshot.SnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverwriteByFilterReplacesPartition()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", properties: s_fastRetry);
        await ops.NewFastAppend().AppendAll(await WriteAsync(ops, 0, 280)).CommitAsync();
        var replacement = await WriteAsync(ops, 5000, 10, category: "b");
        var overwrite = ops.NewOverwrite().OverwriteByRowFilter(Ex.Equal("category", "b"));
        foreach (var f in replacement)
        {
            overwrite.AddFile(f);
        }

        var committed = await overwrite.CommitAsync();
        Assert.Equal("overwrite", committed.CurrentSnapshot!.Operation);
        Assert.Equal("1", committed.CurrentSnapshot.Summary["added-data-files"]);
        Assert.Equal("1", committed.CurrentSnapshot.Summary["deleted-data-files"]);
        Assert.Equal("1", committed.CurrentSnapshot.Summary["changed-partition-count"]);
        var expected = WriteFixture.Expected(0, 280).Where(r => r.Category != "b").Concat(WriteFixture.Expected(5000, 10, category: "b")).Order().ToList();
        Assert.Equal(expected, await WriteFixture.ReadRowsAsync(committed));
    }

    [Fact]
    public async Task OverwriteConflictsWithConcurrentAppendToItsPartitionOnly()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", properties: s_fastRetry);
        await ops.NewFastAppend().AppendAll(await WriteAsync(ops, 0, 280)).CommitAsync();
        var other = new TableOperations(catalog, ops.Identifier);
        var intoC = await WriteAsync(other, 9000, 5, category: "c");
        var intoA = await WriteAsync(other, 9100, 5, category: "a");

        // A concurrent append to another partition: the overwrite retries and both survive.
        var injected = false;
        catalog.BeforeCommit = async _ =>
        {
            if (!injected)
            {
                injected = true;
                await other.NewFastAppend().AppendAll(intoC).CommitAsync();
            }
        };
        var replacement = await WriteAsync(ops, 5000, 10, category: "a");
        var overwrite = ops.NewOverwrite().OverwriteByRowFilter(Ex.Equal("category", "a"));
        overwrite.AddFile(replacement[0]);
        var committed = await overwrite.CommitAsync();
        var expected = WriteFixture.Expected(0, 280).Where(r => r.Category != "a")
            .Concat(WriteFixture.Expected(9000, 5, category: "c")).Concat(WriteFixture.Expected(5000, 10, category: "a")).Order().ToList();
        Assert.Equal(expected, await WriteFixture.ReadRowsAsync(committed));

        // A concurrent append into the overwritten partition: conflict, nothing of the overwrite left behind.
        injected = false;
        catalog.BeforeCommit = async _ =>
        {
            if (!injected)
            {
                injected = true;
                await other.NewFastAppend().AppendAll(intoA).CommitAsync();
            }
        };
        var before = Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length;
        var second = ops.NewOverwrite().OverwriteByRowFilter(Ex.Equal("category", "a"));
        second.AddFile((await WriteAsync(ops, 6000, 3, category: "a"))[0]);
        var error = await Assert.ThrowsAsync<CommitConflictException>(() => second.CommitAsync());
        Assert.Contains("conflicts with snapshot", error.Message);
        catalog.BeforeCommit = null;

        // Only the concurrent append's manifest, list and metadata file were added.
        Assert.Equal(before + 3, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
        var final = await new TableOperations(catalog, ops.Identifier).RefreshAsync();
        Assert.Equal(expected.Concat(WriteFixture.Expected(9100, 5, category: "a")).Order().ToList(), await WriteFixture.ReadRowsAsync(final));
    }

    [Fact]
    public async Task RewriteReplacesFilesAndConflictsWhenOneWasDeleted()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false, properties: s_fastRetry);
        var first = await WriteAsync(ops, 0, 50);
        var second = await WriteAsync(ops, 50, 50);
        await ops.NewFastAppend().AppendAll(first).CommitAsync();
        await ops.NewFastAppend().AppendAll(second).CommitAsync();
        var compacted = await WriteAsync(ops, 0, 100);
        var committed = await ops.NewRewrite().RewriteFilesWith([first[0], second[0]], compacted).CommitAsync();
        Assert.Equal("replace", committed.CurrentSnapshot!.Operation);
        Assert.Equal("100", committed.CurrentSnapshot.Summary["total-records"]);
        Assert.Equal("1", committed.CurrentSnapshot.Summary["total-data-files"]);
        Assert.Equal(WriteFixture.Expected(0, 100), await WriteFixture.ReadRowsAsync(committed));

        var other = new TableOperations(catalog, ops.Identifier);
        await other.RefreshAsync();
        await ops.NewDelete().DeleteFile(compacted[0]).CommitAsync();
        var error = await Assert.ThrowsAsync<CommitConflictException>(() => other.NewRewrite().RewriteFilesWith([compacted[0]], first).CommitAsync());
        Assert.Contains("no longer in the table", error.Message);
    }
}
