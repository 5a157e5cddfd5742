namespace Lakehouse.Table.Metadata;

/// <summary>An entry of the snapshot log: when the current snapshot became <paramref name="SnapshotId"/>.</summary>
public sealed record SnapshotLogEntry(long TimestampMs, long SnapshotId);
