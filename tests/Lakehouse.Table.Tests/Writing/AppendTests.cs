using System.Globalization;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Tests.Operations;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Lakehouse.Table.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Writing;

public sealed class AppendTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("table-write");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WrittenPartitionedFilesAppendAndReadBack()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "db.events");
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 500));
        await writer.WriteAsync(WriteFixture.Batch(500, 300));
        var files = await writer.CompleteAsync();
        Assert.Equal(4, files.Count);
        Assert.All(files, f => Assert.Matches(@"/db/events/data/category=[abcd]/00000-\d+-[0-9a-f-]{36}-\d{5}\.parquet$", f.FilePath));
        Assert.Equal(800, files.Sum(f => f.RecordCount));

        var committed = await ops.NewFastAppend().AppendAll(files).Set("kafka.offsets", "p0:800").CommitAsync();
        var snapshot = committed.CurrentSnapshot!;
        Assert.Equal(1, snapshot.SequenceNumber);
        Assert.Null(snapshot.ParentSnapshotId);
        Assert.Equal("append", snapshot.Operation);
        Assert.Equal("4", snapshot.Summary["added-data-files"]);
        Assert.Equal("800", snapshot.Summary["added-records"]);
        Assert.Equal("800", snapshot.Summary["total-records"]);
        Assert.Equal("4", snapshot.Summary["total-data-files"]);
        Assert.Equal("4", snapshot.Summary["changed-partition-count"]);
        Assert.Equal(files.Sum(f => f.FileSizeInBytes).ToString(CultureInfo.InvariantCulture), snapshot.Summary["added-files-size"]);
        Assert.Equal("p0:800", snapshot.Summary["kafka.offsets"]);

        Assert.Equal(WriteFixture.Expected(0, 800), await WriteFixture.ReadRowsAsync(committed));

        var manifest = Assert.Single(WriteFixture.Manifests(committed));
        Assert.Equal(1, manifest.SequenceNumber);
        Assert.Equal(1, manifest.MinSequenceNumber);
        Assert.Equal(snapshot.SnapshotId, manifest.AddedSnapshotId);
        Assert.Equal(4, manifest.AddedFilesCount);
        Assert.Equal(800, manifest.AddedRowsCount);
        var summary = Assert.Single(manifest.Partitions!);
        Assert.Equal("a"u8.ToArray(), summary.LowerBound);
        Assert.Equal("d"u8.ToArray(), summary.UpperBound);

        var entries = WriteFixture.Entries(committed);
        Assert.All(entries, e =>
        {
            Assert.Equal(ManifestEntryStatus.Added, e.Status);
            Assert.Equal(snapshot.SnapshotId, e.SnapshotId);
            Assert.Equal(1, e.SequenceNumber);
        });

        // Metrics in the spec's binary form, the long strings truncated to 16 characters.
        var a = entries.Single(e => Equals(e.DataFile.Partition[0], "a")).DataFile;
        var expectedA = WriteFixture.Expected(0, 800).Where(r => r.Category == "a").Select(r => r.Id).ToList();
        Assert.Equal(expectedA.Count, a.RecordCount);
        Assert.Equal(expectedA.Min(), SingleValueBinary.FromBytes(a.LowerBounds![1], PrimitiveType.Long));
        Assert.Equal(expectedA.Max(), SingleValueBinary.FromBytes(a.UpperBounds![1], PrimitiveType.Long));
        Assert.Equal(expectedA.Count, a.ValueCounts![3]);
        Assert.Equal(expectedA.Count(id => id % 11 == 0), a.NullValueCounts![3]);
        Assert.Equal(0, a.NanValueCounts![3]);
        Assert.Equal(16, ((string)SingleValueBinary.FromBytes(a.LowerBounds[4], PrimitiveType.String)).Length);
        var upper = (string)SingleValueBinary.FromBytes(a.UpperBounds[4], PrimitiveType.String);
        Assert.Equal(16, upper.Length);
        var maxName = expectedA.Where(id => id % 13 != 0).Select(id => $"name-{id}-with-a-rather-long-suffix-to-truncate").Max(StringComparer.Ordinal)!;
        Assert.Equal(maxName[..15] + (char)(maxName[15] + 1), upper);
        var minName = expectedA.Where(id => id % 13 != 0).Select(id => $"name-{id}-with-a-rather-long-suffix-to-truncate").Min(StringComparer.Ordinal)!;
        Assert.Equal(minName[..16], (string)SingleValueBinary.FromBytes(a.LowerBounds[4], PrimitiveType.String));
        Assert.True(a.ColumnSizes![1] > 0);
        Assert.NotEmpty(a.SplitOffsets!);

        MetadataValidation.ValidateFolder(Path.Combine(_dir, "db", "events", "metadata"));
    }

    [Fact]
    public async Task FastAppendsChainSnapshotsAndKeepManifests()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false);
        Lakehouse.Table.Metadata.TableMetadata? committed = null;
        for (var i = 0; i < 3; i++)
        {
            var writer = ops.NewDataWriter();
            await writer.WriteAsync(WriteFixture.Batch(i * 100, 100));
            committed = await ops.NewFastAppend().AppendAll(await writer.CompleteAsync()).CommitAsync();
        }

        Assert.Equal(3, committed!.Snapshots.Count);
        Assert.Equal(3, committed.LastSequenceNumber);
        Assert.Equal(committed.Snapshots[1].SnapshotId, committed.CurrentSnapshot!.ParentSnapshotId);
        Assert.Equal("300", committed.CurrentSnapshot.Summary["total-records"]);
        Assert.Equal("3", committed.CurrentSnapshot.Summary["total-data-files"]);
        Assert.Equal("1", committed.CurrentSnapshot.Summary["changed-partition-count"]);
        Assert.Equal(3, committed.SnapshotLog.Count);
        var manifests = WriteFixture.Manifests(committed);
        Assert.Equal([3L, 2L, 1L], manifests.Select(m => m.SequenceNumber));
        Assert.Equal(WriteFixture.Expected(0, 300), await WriteFixture.ReadRowsAsync(committed));
        var entries = WriteFixture.Entries(committed);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.SequenceNumber!.Value).Order());
    }

    [Fact]
    public async Task MergeAppendMergesManifestsAtMinCount()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", partitioned: false, new Dictionary<string, string> { [WriteProperties.ManifestMinMergeCountKey] = "3" });
        Lakehouse.Table.Metadata.TableMetadata? committed = null;
        var manifestCounts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var writer = ops.NewDataWriter();
            await writer.WriteAsync(WriteFixture.Batch(i * 10, 10));
            committed = await ops.NewAppend().AppendAll(await writer.CompleteAsync()).CommitAsync();
            manifestCounts.Add(WriteFixture.Manifests(committed).Count);
        }

        Assert.Equal([1, 2, 1, 2], manifestCounts);
        Assert.Equal(WriteFixture.Expected(0, 40), await WriteFixture.ReadRowsAsync(committed!));
        var entries = WriteFixture.Entries(committed!);
        Assert.Equal([1L, 2L, 3L, 4L], entries.Select(e => e.SequenceNumber!.Value).Order());
        Assert.Equal(3, entries.Count(e => e.Status == ManifestEntryStatus.Existing) + entries.Count(e => e.Status == ManifestEntryStatus.Added) - 1);
        Assert.Equal("40", committed!.CurrentSnapshot!.Summary["total-records"]);
    }

    [Fact]
    public async Task AppendRetriesAfterAConcurrentCommit()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t", properties: new Dictionary<string, string> { ["commit.retry.min-wait-ms"] = "1" });
        var other = new TableOperations(catalog, ops.Identifier);
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 50));
        var files = await writer.CompleteAsync();
        var otherWriter = other.NewDataWriter();
        await otherWriter.WriteAsync(WriteFixture.Batch(1000, 50));
        var otherFiles = await otherWriter.CompleteAsync();
        await ops.RefreshAsync();

        var injected = false;
        catalog.BeforeCommit = async _ =>
        {
            if (!injected)
            {
                injected = true;
                await other.NewFastAppend().AppendAll(otherFiles).CommitAsync();
            }
        };
        var committed = await ops.NewFastAppend().AppendAll(files).CommitAsync();
        catalog.BeforeCommit = null;

        Assert.Equal(2, committed.Snapshots.Count);
        Assert.Equal(2, committed.CurrentSnapshot!.SequenceNumber);
        Assert.Equal(committed.Snapshots[0].SnapshotId, committed.CurrentSnapshot.ParentSnapshotId);
        Assert.Equal("100", committed.CurrentSnapshot.Summary["total-records"]);
        Assert.Equal(WriteFixture.Expected(0, 50).Concat(WriteFixture.Expected(1000, 50)).Order().ToList(), await WriteFixture.ReadRowsAsync(committed));

        // The first attempt's manifest list was deleted; the manifest itself was reused.
        var lists = Directory.GetFiles(Path.Combine(_dir, "t", "metadata"), "snap-*.avro");
        Assert.Equal(2, lists.Length);
    }
}
