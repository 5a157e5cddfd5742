namespace Lakehouse.Table.Metadata;

/// <summary>A sort order: id and ordered sort fields. Order id 0 is reserved for "unsorted".</summary>
public sealed class SortOrder : IEquatable<SortOrder>
{
    public SortOrder(int orderId, IReadOnlyList<SortField> fields)
    {
        OrderId = orderId;
        Fields = fields;
    }

    public static SortOrder Unsorted { get; } = new(0, []);

    public int OrderId { get; }

    public IReadOnlyList<SortField> Fields { get; }

    public bool IsUnsorted => Fields.Count == 0;

    public bool Equals(SortOrder? other) => other is not null && other.OrderId == OrderId && other.Fields.SequenceEqual(Fields);

    public override bool Equals(object? obj) => obj is SortOrder s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(OrderId, Fields.Count);

    public override string ToString() => $"sort order {OrderId} [{string.Join(", ", Fields)}]";
}
