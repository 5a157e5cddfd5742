using Lakehouse.Table.Metadata;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Snapshot selection of scans: as-of timestamps from the snapshot log, branches and tags, unknown ids.</summary>
public sealed class SnapshotSelectionTests
{
    [SkippableFact]
    public async Task AsOfTimeAndRefsSelectTheSnapshotsTheLogAndRefsName()
    {
        var checkedTimes = 0;
        var checkedRefs = 0;
        foreach (var folder in FixtureTables.All())
        {
            var table = IcebergTable.Load(folder);
            var metadata = table.Metadata;
            foreach (var log in metadata.SnapshotLog)
            {
                if (metadata.SnapshotById(log.SnapshotId) is null)
                {
                    continue;
                }

                var scan = table.NewScan().AsOfTime(log.TimestampMs);
                Assert.Equal(metadata.SnapshotAsOf(log.TimestampMs).SnapshotId, scan.Snapshot!.SnapshotId);
                checkedTimes++;
            }

            foreach (var (name, r) in metadata.Refs)
            {
                var scan = table.NewScan().UseRef(name);
                Assert.Equal(r.SnapshotId, scan.Snapshot!.SnapshotId);
                if (name == SnapshotRef.MainBranch)
                {
                    Assert.Equal(metadata.CurrentSnapshotId, r.SnapshotId);
                    Assert.Same(metadata.CurrentSchema, scan.TableSchema);
                }

                checkedRefs++;
            }

            if (metadata.Snapshots.Count > 1 && metadata.Refs.ContainsKey(SnapshotRef.MainBranch) && checkedRefs < 30)
            {
                long viaRef = 0;
                long viaCurrent = 0;
                await foreach (var b in table.NewScan().UseRef(SnapshotRef.MainBranch).ToBatchesAsync())
                {
                    viaRef += b.Length;
                }

                await foreach (var b in table.NewScan().ToBatchesAsync())
                {
                    viaCurrent += b.Length;
                }

                Assert.Equal(viaCurrent, viaRef);
            }
        }

        Assert.True(checkedTimes > 50, $"{checkedTimes} as-of times");
        Assert.True(checkedRefs > 20, $"{checkedRefs} refs");
        var any = IcebergTable.Load(FixtureTables.All()[0]);
        Assert.Equal(IcebergErrorKind.NotFound, Assert.Throws<IcebergException>(() => any.NewScan().UseSnapshot(12345)).Kind);
        Assert.Equal(IcebergErrorKind.NotFound, Assert.Throws<IcebergException>(() => any.NewScan().UseRef("no-such-ref")).Kind);
    }
}
