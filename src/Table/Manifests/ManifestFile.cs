using Lakehouse.Table.Expressions;

namespace Lakehouse.Table.Manifests;

/// <summary>One entry of a manifest list (manifest_file struct, fields 500-520).</summary>
public sealed class ManifestFile
{
    public required string ManifestPath { get; init; }
    public long ManifestLength { get; init; }
    public int PartitionSpecId { get; init; }
    public ManifestContent Content { get; init; }

    /// <summary>Sequence number of the commit that added the manifest (0 for v1).</summary>
    public long SequenceNumber { get; init; }
    public long MinSequenceNumber { get; init; }
    public long? AddedSnapshotId { get; init; }
    public int? AddedFilesCount { get; init; }
    public int? ExistingFilesCount { get; init; }
    public int? DeletedFilesCount { get; init; }
    public long? AddedRowsCount { get; init; }
    public long? ExistingRowsCount { get; init; }
    public long? DeletedRowsCount { get; init; }
    public IReadOnlyList<PartitionFieldSummary>? Partitions { get; init; }
    public byte[]? KeyMetadata { get; init; }
    public long? FirstRowId { get; init; }

    public override string ToString() => $"{Content} manifest {ManifestPath} (spec {PartitionSpecId}, seq {SequenceNumber})";
}
