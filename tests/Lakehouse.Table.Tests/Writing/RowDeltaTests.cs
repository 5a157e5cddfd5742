using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Tests.Operations;
using Lakehouse.Table.Writing;
using Lakehouse.Testing;
using Xunit;
using Ex = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Table.Tests.Writing;

public sealed class RowDeltaTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("table-rowdelta");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PositionAndEqualityDeletesApplyOnRead()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false);
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 100));
        var data = Assert.Single(await writer.CompleteAsync());
        await ops.NewFastAppend().AppendFile(data).CommitAsync();

        var positions = await DeleteFileWriters.WritePositionDeletesAsync(ops, [(data.FilePath, 3L), (data.FilePath, 1L)]);
        Assert.Equal(FileContent.PositionDeletes, positions.Content);
        Assert.Equal(data.FilePath, positions.ReferencedDataFile);
        var keys = new RecordBatch(new Schema([new Field("id", ArrowType.Int64, false)]), [ArrowArrays.Primitive(ArrowType.Int64, new long?[] { 10, 20 })], 2);
        var equality = await DeleteFileWriters.WriteEqualityDeletesAsync(ops, [1], keys);
        var extra = ops.NewDataWriter();
        await extra.WriteAsync(WriteFixture.Batch(20, 1));
        var reinserted = Assert.Single(await extra.CompleteAsync());

        var committed = await ops.NewRowDelta().AddDeletes(positions).AddDeletes(equality).AddRows(reinserted).CommitAsync();
        var snapshot = committed.CurrentSnapshot!;
        Assert.Equal("overwrite", snapshot.Operation);
        Assert.Equal("2", snapshot.Summary["added-delete-files"]);
        Assert.Equal("1", snapshot.Summary["added-position-delete-files"]);
        Assert.Equal("1", snapshot.Summary["added-equality-delete-files"]);
        Assert.Equal("2", snapshot.Summary["added-position-deletes"]);
        Assert.Equal("2", snapshot.Summary["added-equality-deletes"]);
        Assert.Equal("2", snapshot.Summary["total-delete-files"]);

        // Equality deletes apply to rows of earlier sequence numbers only: the re-inserted id 20 survives.
        var expected = WriteFixture.Expected(0, 100).Where(r => r.Id is not (1 or 3 or 10 or 20)).Concat(WriteFixture.Expected(20, 1)).Order().ToList();
        Assert.Equal(expected, await WriteFixture.ReadRowsAsync(committed));
        var manifests = WriteFixture.Manifests(committed);
        Assert.Equal(2, manifests.Count(m => m.SequenceNumber == 2));
        Assert.Single(manifests, m => m.Content == ManifestContent.Deletes);
    }

    [Fact]
    public async Task RowDeltaConflictsWhenItsDataFileWasRemoved()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false);
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 10));
        var data = Assert.Single(await writer.CompleteAsync());
        await ops.NewFastAppend().AppendFile(data).CommitAsync();
        var positions = await DeleteFileWriters.WritePositionDeletesAsync(ops, [(data.FilePath, 0L)]);
        var other = new TableOperations(catalog, ops.Identifier);
        await other.NewDelete().DeleteFromRowFilter(Ex.AlwaysTrue).CommitAsync();
        await Assert.ThrowsAsync<CommitConflictException>(() => ops.NewRowDelta().AddDeletes(positions).CommitAsync());
    }
}
