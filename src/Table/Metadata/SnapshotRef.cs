namespace Lakehouse.Table.Metadata;

/// <summary>A named reference (branch or tag) to a snapshot, with its retention settings.</summary>
public sealed record SnapshotRef(long SnapshotId, SnapshotRefType Type, int? MinSnapshotsToKeep = null, long? MaxSnapshotAgeMs = null, long? MaxRefAgeMs = null)
{
    public const string MainBranch = "main";

    public bool IsBranch => Type == SnapshotRefType.Branch;
}
