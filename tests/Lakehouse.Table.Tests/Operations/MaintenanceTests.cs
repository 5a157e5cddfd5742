using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Maintenance;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Scanning;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>
/// Expire snapshots and remove orphan files on a copy of a Spark-written v2 table (7 snapshots, position deletes).
/// The expected deletions were computed independently with python3-avro over the fixture's manifest lists and
/// manifests (files reachable only from expired snapshots); reading the table back gives the same rows.
/// </summary>
public sealed class MaintenanceTests : IDisposable
{
    private const string Fixture = "iceberg/duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table";
    private const long Head = 4786266686210019019;
    private const long S6 = 4440319347650982524;
    private const long S5 = 3119545726281138740;
    private static readonly DateTime s_old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = RepoPaths.NewTempDirectory("maintenance");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(TableOperations Ops, RootedFileIO IO, string Root, TableMetadata Metadata)> CopyAsync()
    {
        var source = SharedFixtures.Require(Fixture);
        var root = Path.Combine(_dir, "t");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
            File.SetLastWriteTimeUtc(target, s_old);
        }

        var metadata = TableMetadataParser.ReadFile(Path.Combine(root, "metadata", "v9.metadata.json"));
        var io = new RootedFileIO(metadata.Location, root);
        var catalog = new InMemoryCatalog(_dir, io);
        var id = TableIdentifier.Parse("db.t");
        await catalog.RegisterTableAsync(id, metadata.Location + "/metadata/v9.metadata.json");
        var time = new FakeTime(metadata.CurrentSnapshot!.TimestampMs + 60_000);
        return (new TableOperations(catalog, id, io, time), io, root, metadata);
    }

    private static async Task<Dictionary<string, int>> RowsAsync(string metadataPath, long snapshotId)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var batch in IcebergTable.Load(metadataPath).NewScan().UseSnapshot(snapshotId).ToBatchesAsync())
        {
            var columns = new ArrowArray?[batch.ColumnCount];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = batch.Column(c);
            }

            for (var r = 0; r < batch.Length; r++)
            {
                var key = CellKeys.Key(columns, r);
                rows[key] = rows.GetValueOrDefault(key) + 1;
            }
        }

        return rows;
    }

    private static List<string> Names(IEnumerable<string> locations) => [.. locations.Select(l => l[(l.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public async Task ExpireOlderThanDeletesExactlyTheUnreachableFiles()
    {
        var (ops, io, root, before) = await CopyAsync();
        var original = Path.Combine(root, "metadata", "v9.metadata.json");
        var headRows = await RowsAsync(original, Head);
        var s6Rows = await RowsAsync(original, S6);
        Assert.NotEmpty(headRows);

        var result = await ops.ExpireSnapshots()
            .ExpireOlderThan(before.SnapshotById(S6)!.TimestampMs)
            .ExpireSnapshotId(S5)
            .ExecuteAsync();

        Assert.Equal([764624380497366583, S5, 4037069315291880534, 6287117141668015642, 6585012225877417653], result.ExpiredSnapshotIds.Order());
        Assert.Equal(
            ["snap-3119545726281138740-1-e3f073e1-20d8-4831-b927-86100e4ad98c.avro", "snap-4037069315291880534-1-c958489b-0a9b-4c1a-b254-f7162a3fbd6b.avro", "snap-6287117141668015642-1-9ae37730-f1aa-4609-8b39-3f0ded6f78cf.avro", "snap-6585012225877417653-1-355a32d2-0d4f-4da3-8019-f0b782863350.avro", "snap-764624380497366583-1-26871791-3133-4757-9cbc-b356c613c83a.avro"],
            Names(result.DeletedManifestLists));
        Assert.Equal(["355a32d2-0d4f-4da3-8019-f0b782863350-m0.avro"], Names(result.DeletedManifests));
        Assert.Equal(["00000-12-ac52ac46-8deb-43f9-b745-e7c078928b7a-00001.parquet"], Names(result.DeletedDataFiles));
        Assert.Empty(result.DeletedPositionDeleteFiles);
        Assert.Empty(result.DeletedEqualityDeleteFiles);
        Assert.Empty(result.DeletedStatisticsFiles);
        Assert.Equal(result.AllDeletedFiles().Order(), io.Deleted.Order());

        var after = await ops.RefreshAsync();
        Assert.Equal([S6, Head], after.Snapshots.Select(s => s.SnapshotId).Order());
        Assert.Equal(Head, after.CurrentSnapshotId);
        Assert.Equal(10, TableOperations.ParseVersion(after.MetadataFileLocation!));
        Assert.Equal(9, after.MetadataLog.Count);

        // The retained snapshots read the same rows from the new metadata file.
        var committed = io.ToLocal(after.MetadataFileLocation!);
        Assert.Equal(headRows, await RowsAsync(committed, Head));
        Assert.Equal(s6Rows, await RowsAsync(committed, S6));
        MetadataValidation.ValidateFolder(Path.Combine(root, "metadata"));
    }

    [SkippableFact]
    public async Task RetainLastKeepsOnlyTheHeadAndTagsProtectTheirSnapshot()
    {
        var (ops, io, root, before) = await CopyAsync();
        await ops.ManageSnapshots().CreateTag("keep", S6).CommitAsync();
        var result = await ops.ExpireSnapshots().ExpireOlderThan(long.MaxValue).RetainLast(1).ExecuteAsync();
        var after = await ops.RefreshAsync();
        Assert.Equal([S6, Head], after.Snapshots.Select(s => s.SnapshotId).Order());
        Assert.Equal(5, result.ExpiredSnapshotIds.Count);

        result = await ops.ManageSnapshots().RemoveTag("keep").CommitAsync().ContinueWith(_ => ops.ExpireSnapshots().ExpireOlderThan(long.MaxValue).ExecuteAsync()).Unwrap();
        Assert.Equal([S6], result.ExpiredSnapshotIds);
        Assert.Equal(["snap-4440319347650982524-1-b467c132-3bea-404a-ae0f-54ef5a4fbd1f.avro"], Names(result.DeletedManifestLists));
        Assert.Equal(["b467c132-3bea-404a-ae0f-54ef5a4fbd1f-m0.avro"], Names(result.DeletedManifests));

        // Its manifest still lists the data file the first run deleted (as a DELETED entry): deleting it again is a no-op.
        Assert.Equal(["00000-12-ac52ac46-8deb-43f9-b745-e7c078928b7a-00001.parquet"], Names(result.DeletedDataFiles));
        after = await ops.RefreshAsync();
        Assert.Equal([Head], after.Snapshots.Select(s => s.SnapshotId));
        Assert.Equal(await RowsAsync(Path.Combine(root, "metadata", "v9.metadata.json"), Head), await RowsAsync(io.ToLocal(after.MetadataFileLocation!), Head));
        _ = before;
    }

    [SkippableFact]
    public async Task ExpireWithoutCleanupAndGcDisabled()
    {
        var (ops, io, _, _) = await CopyAsync();
        var result = await ops.ExpireSnapshots().ExpireOlderThan(long.MaxValue).CleanExpiredFiles(false).ExecuteAsync();
        Assert.Equal(6, result.ExpiredSnapshotIds.Count);
        Assert.Empty(result.AllDeletedFiles());
        Assert.Empty(io.Deleted);

        await ops.UpdateProperties().Set(TableProperties.GcEnabled, "false").CommitAsync();
        Assert.Contains("garbage collection is disabled", (await Assert.ThrowsAsync<IcebergException>(() => ops.ExpireSnapshots().ExecuteAsync())).Message);
        Assert.Contains("head of branch 'main'", (await Assert.ThrowsAsync<IcebergException>(() => ops.ExpireSnapshots().CleanExpiredFiles(false).ExpireSnapshotId(Head).ExecuteAsync())).Message);
    }

    [SkippableFact]
    public async Task RemoveOrphanFilesDeletesOnlyUnreferencedOldFiles()
    {
        var (ops, io, root, before) = await CopyAsync();

        await ops.ExpireSnapshots().ExpireSnapshotId(S5).ExecuteAsync();

        var planted = new[] { "data/orphan-1.parquet", "data/part=1/orphan-2.parquet", "metadata/stray-m0.avro", "metadata/.00011-x.metadata.json.tmp" };
        foreach (var rel in planted)
        {
            var path = Path.Combine(root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
            File.SetLastWriteTimeUtc(path, s_old);
        }

        var fresh = Path.Combine(root, "data", "in-flight.parquet");
        File.WriteAllText(fresh, "x");
        var threshold = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        // New metadata files are fresh too; make them old so only reachability protects them.
        foreach (var f in Directory.EnumerateFiles(Path.Combine(root, "metadata")))
        {
            File.SetLastWriteTimeUtc(f, s_old);
        }

        var expected = planted.Select(rel => before.Location + "/" + rel).Order(StringComparer.Ordinal).ToList();
        var dry = await ops.RemoveOrphanFiles().OlderThan(threshold).DryRun().ExecuteAsync();
        Assert.Equal(expected, dry.Order(StringComparer.Ordinal));
        Assert.All(planted, rel => Assert.True(File.Exists(Path.Combine(root, rel))));

        var deleted = await ops.RemoveOrphanFiles().OlderThan(threshold).ExecuteAsync();
        Assert.Equal(expected, deleted.Order(StringComparer.Ordinal));
        Assert.All(planted, rel => Assert.False(File.Exists(Path.Combine(root, rel))));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(Path.Combine(root, "metadata", "version-hint.text")));
        Assert.Empty(await ops.RemoveOrphanFiles().OlderThan(threshold).DryRun().ExecuteAsync());

        var after = await ops.RefreshAsync();
        var rows = await RowsAsync(io.ToLocal(after.MetadataFileLocation!), Head);
        Assert.Equal(await RowsAsync(Path.Combine(SharedFixtures.Require(Fixture), "metadata", "v9.metadata.json"), Head), rows);

        // A missing manifest list of the current metadata makes the reachable set incomplete: refuse to delete anything.
        File.Delete(io.ToLocal(after.CurrentSnapshot!.ManifestList!));
        Assert.Equal(IcebergErrorKind.NotFound, (await Assert.ThrowsAsync<IcebergException>(() => ops.RemoveOrphanFiles().OlderThan(long.MaxValue).ExecuteAsync())).Kind);
    }
}
