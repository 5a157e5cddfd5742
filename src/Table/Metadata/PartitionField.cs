using Lakehouse.Table.Transforms;

namespace Lakehouse.Table.Metadata;

/// <summary>One field of a partition spec: source column id(s), partition field id, name and transform.</summary>
public sealed class PartitionField : IEquatable<PartitionField>
{
    public PartitionField(int sourceId, int fieldId, string name, Transform transform)
        : this([sourceId], fieldId, name, transform)
    {
    }

    public PartitionField(IReadOnlyList<int> sourceIds, int fieldId, string name, Transform transform)
    {
        if (sourceIds.Count == 0)
        {
            throw IcebergException.Invalid($"partition field '{name}' has no source column");
        }

        SourceIds = sourceIds;
        FieldId = fieldId;
        Name = name;
        Transform = transform;
    }

    /// <summary>The source column id (the first one for multi-argument transforms).</summary>
    public int SourceId => SourceIds[0];

    public IReadOnlyList<int> SourceIds { get; }

    public int FieldId { get; }

    public string Name { get; }

    public Transform Transform { get; }

    public bool Equals(PartitionField? other) =>
        other is not null && other.FieldId == FieldId && string.Equals(other.Name, Name, StringComparison.Ordinal)
        && other.Transform.Equals(Transform) && other.SourceIds.SequenceEqual(SourceIds);

    public override bool Equals(object? obj) => obj is PartitionField f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(FieldId, Name, Transform);

    public override string ToString() => $"{FieldId}: {Name} = {Transform}({string.Join(", ", SourceIds)})";
}
