using Lakehouse.Table.Transforms;

namespace Lakehouse.Table.Metadata;

/// <summary>One key of a sort order: a transform of source column(s), a direction and a null order.</summary>
public sealed class SortField : IEquatable<SortField>
{
    public SortField(int sourceId, Transform transform, SortDirection direction, NullOrder nullOrder)
        : this([sourceId], transform, direction, nullOrder)
    {
    }

    public SortField(IReadOnlyList<int> sourceIds, Transform transform, SortDirection direction, NullOrder nullOrder)
    {
        if (sourceIds.Count == 0)
        {
            throw IcebergException.Invalid("sort field has no source column");
        }

        SourceIds = sourceIds;
        Transform = transform;
        Direction = direction;
        NullOrder = nullOrder;
    }

    public int SourceId => SourceIds[0];

    public IReadOnlyList<int> SourceIds { get; }

    public Transform Transform { get; }

    public SortDirection Direction { get; }

    public NullOrder NullOrder { get; }

    public bool Equals(SortField? other) =>
        other is not null && other.Direction == Direction && other.NullOrder == NullOrder
        && other.Transform.Equals(Transform) && other.SourceIds.SequenceEqual(SourceIds);

    public override bool Equals(object? obj) => obj is SortField f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(SourceId, Transform, Direction, NullOrder);

    public override string ToString() => $"{Transform}({string.Join(", ", SourceIds)}) {(Direction == SortDirection.Asc ? "asc" : "desc")} {(NullOrder == NullOrder.NullsFirst ? "nulls-first" : "nulls-last")}";
}
