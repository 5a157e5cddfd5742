namespace Lakehouse.Table.Metadata;

/// <summary>A partition statistics file registered for a snapshot.</summary>
public sealed record PartitionStatisticsFile(long SnapshotId, string StatisticsPath, long FileSizeInBytes);
