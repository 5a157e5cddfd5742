namespace Lakehouse.Table.Metadata;

/// <summary>Kind of a snapshot reference: a mutable branch or an immutable tag.</summary>
public enum SnapshotRefType
{
    Branch,
    Tag,
}
