namespace Lakehouse.Table.Metadata;

/// <summary>
/// A snapshot: the state of the table at one commit. v1 snapshots may list <see cref="Manifests"/> instead of
/// a <see cref="ManifestList"/>; their sequence number reads as 0. v3 adds row-lineage fields.
/// </summary>
public sealed class Snapshot : IEquatable<Snapshot>
{
    public const string OperationKey = "operation";

    public required long SnapshotId { get; init; }

    public long? ParentSnapshotId { get; init; }

    public long SequenceNumber { get; init; }

    public required long TimestampMs { get; init; }

    /// <summary>Location of the manifest list (required from v2 on).</summary>
    public string? ManifestList { get; init; }

    /// <summary>v1 only: manifest locations listed directly in the metadata.</summary>
    public IReadOnlyList<string>? Manifests { get; init; }

    /// <summary>Summary properties in file order, including "operation".</summary>
    public IReadOnlyDictionary<string, string> Summary { get; init; } = new Dictionary<string, string>();

    /// <summary>append, replace, overwrite or delete (null when a v1 snapshot has no summary).</summary>
    public string? Operation => Summary.GetValueOrDefault(OperationKey);

    public int? SchemaId { get; init; }

    /// <summary>v3: the first row id assigned in this snapshot.</summary>
    public long? FirstRowId { get; init; }

    /// <summary>v3: upper bound of rows assigned row ids in this snapshot.</summary>
    public long? AddedRows { get; init; }

    /// <summary>v3: id of the encryption key of the manifest list key metadata.</summary>
    public string? KeyId { get; init; }

    public bool Equals(Snapshot? other) =>
        other is not null && other.SnapshotId == SnapshotId && other.ParentSnapshotId == ParentSnapshotId
        && other.SequenceNumber == SequenceNumber && other.TimestampMs == TimestampMs
        && string.Equals(other.ManifestList, ManifestList, StringComparison.Ordinal)
        && Equality.Lists(other.Manifests, Manifests) && Equality.Maps(other.Summary, Summary)
        && other.SchemaId == SchemaId && other.FirstRowId == FirstRowId && other.AddedRows == AddedRows
        && string.Equals(other.KeyId, KeyId, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Snapshot s && Equals(s);

    public override int GetHashCode() => SnapshotId.GetHashCode();

    public override string ToString() => $"snapshot {SnapshotId} seq {SequenceNumber} {Operation}";
}
