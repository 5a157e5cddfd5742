namespace Lakehouse.Table.Metadata;

/// <summary>Metadata of one blob in a table statistics (Puffin) file.</summary>
public sealed class BlobMetadata : IEquatable<BlobMetadata>
{
    public required string Type { get; init; }

    public required long SourceSnapshotId { get; init; }

    public required long SourceSnapshotSequenceNumber { get; init; }

    public required IReadOnlyList<int> Fields { get; init; }

    public IReadOnlyDictionary<string, string>? Properties { get; init; }

    public bool Equals(BlobMetadata? other) =>
        other is not null && string.Equals(other.Type, Type, StringComparison.Ordinal) && other.SourceSnapshotId == SourceSnapshotId
        && other.SourceSnapshotSequenceNumber == SourceSnapshotSequenceNumber && Equality.Lists(other.Fields, Fields)
        && Equality.Maps(other.Properties, Properties);

    public override bool Equals(object? obj) => obj is BlobMetadata b && Equals(b);

    public override int GetHashCode() => HashCode.Combine(Type, SourceSnapshotId);
}
