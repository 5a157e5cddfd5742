namespace Lakehouse.Arrow.Types;

/// <summary>Dictionary-encoded values: integer indices into a dictionary array of <see cref="ValueType"/>.</summary>
public sealed class DictionaryType : ArrowType
{
    public DictionaryType(PrimitiveType indexType, ArrowType valueType, bool ordered = false)
    {
        if (!indexType.IsInteger)
        {
            throw new ArgumentException("dictionary index type must be an integer type", nameof(indexType));
        }

        IndexType = indexType;
        ValueType = valueType;
        Ordered = ordered;
    }

    public PrimitiveType IndexType { get; }

    public ArrowType ValueType { get; }

    public bool Ordered { get; }

    public override ArrowTypeId Id => ArrowTypeId.Dictionary;

    public override int BitWidth => IndexType.BitWidth;

    public override bool Equals(ArrowType? other) =>
        other is DictionaryType d && d.IndexType.Equals(IndexType) && d.ValueType.Equals(ValueType) && d.Ordered == Ordered;

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Dictionary, IndexType, ValueType);

    public override string ToString() => $"dictionary<values={ValueType}, indices={IndexType}{(Ordered ? ", ordered" : string.Empty)}>";
}
