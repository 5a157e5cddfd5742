namespace Lakehouse.Table.Manifests;

/// <summary>A manifest_entry with the spec's inheritance already applied (snapshot id and sequence numbers).</summary>
public sealed class ManifestEntry
{
    public ManifestEntryStatus Status { get; init; }

    /// <summary>Snapshot that added or deleted the file (inherited from the manifest list entry when null).</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Data sequence number (inherited for ADDED entries when null; 0 for v1 manifests).</summary>
    public long? SequenceNumber { get; init; }

    /// <summary>File sequence number (inherited like <see cref="SequenceNumber"/>).</summary>
    public long? FileSequenceNumber { get; init; }
    public required DataFile DataFile { get; init; }

    /// <summary>The manifest the entry came from.</summary>
    public required ManifestFile Manifest { get; init; }

    public bool IsLive => Status != ManifestEntryStatus.Deleted;

    public override string ToString() => $"{Status} seq {SequenceNumber} {DataFile}";
}
