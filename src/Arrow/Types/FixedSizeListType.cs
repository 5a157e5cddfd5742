namespace Lakehouse.Arrow.Types;

/// <summary>Lists of exactly <see cref="ListSize"/> values each.</summary>
public sealed class FixedSizeListType : ArrowType
{
    public FixedSizeListType(Field valueField, int listSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(listSize);
        ValueField = valueField;
        ListSize = listSize;
    }

    public Field ValueField { get; }

    public ArrowType ValueType => ValueField.Type;

    public int ListSize { get; }

    public override ArrowTypeId Id => ArrowTypeId.FixedSizeList;

    public override bool Equals(ArrowType? other) =>
        other is FixedSizeListType l && l.ListSize == ListSize && l.ValueField.Equals(ValueField);

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.FixedSizeList, ValueField, ListSize);

    public override string ToString() => $"fixed_size_list<{ValueField.Name}: {ValueType}>[{ListSize}]";
}
