namespace Lakehouse.Table.Metadata;

/// <summary>A table statistics (Puffin) file registered for a snapshot.</summary>
public sealed class StatisticsFile : IEquatable<StatisticsFile>
{
    public required long SnapshotId { get; init; }

    public required string StatisticsPath { get; init; }

    public required long FileSizeInBytes { get; init; }

    public required long FileFooterSizeInBytes { get; init; }

    /// <summary>Base64 key metadata for encryption, when present.</summary>
    public string? KeyMetadata { get; init; }

    public required IReadOnlyList<BlobMetadata> BlobMetadata { get; init; }

    public bool Equals(StatisticsFile? other) =>
        other is not null && other.SnapshotId == SnapshotId && string.Equals(other.StatisticsPath, StatisticsPath, StringComparison.Ordinal)
        && other.FileSizeInBytes == FileSizeInBytes && other.FileFooterSizeInBytes == FileFooterSizeInBytes
        && string.Equals(other.KeyMetadata, KeyMetadata, StringComparison.Ordinal) && Equality.Lists(other.BlobMetadata, BlobMetadata);

    public override bool Equals(object? obj) => obj is StatisticsFile s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(SnapshotId, StatisticsPath);
}
