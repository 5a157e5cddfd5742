using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>Snapshot ancestry over a table's metadata (parent-snapshot-id chains).</summary>
public static class SnapshotUtil
{
    /// <summary>The snapshot with id <paramref name="snapshotId"/> and its ancestors, newest first (stops at a missing parent).</summary>
    public static IEnumerable<Snapshot> AncestorsOf(TableMetadata metadata, long snapshotId)
    {
        var seen = new HashSet<long>();
        for (var s = metadata.SnapshotById(snapshotId); s is not null && seen.Add(s.SnapshotId); s = s.ParentSnapshotId is { } p ? metadata.SnapshotById(p) : null)
        {
            yield return s;
        }
    }

    /// <summary>True when <paramref name="ancestorId"/> is <paramref name="snapshotId"/> or one of its ancestors.</summary>
    public static bool IsAncestorOf(TableMetadata metadata, long snapshotId, long ancestorId)
    {
        foreach (var s in AncestorsOf(metadata, snapshotId))
        {
            if (s.SnapshotId == ancestorId)
            {
                return true;
            }
        }

        return false;
    }
}
