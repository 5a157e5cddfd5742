namespace Lakehouse.Table.Types;

/// <summary>A list whose element field has its own id and required flag; the element is named "element".</summary>
public sealed class ListType : IcebergType
{
    public ListType(int elementId, IcebergType elementType, bool elementRequired) =>
        ElementField = new NestedField(elementId, "element", elementType, elementRequired);

    public NestedField ElementField { get; }

    public int ElementId => ElementField.Id;

    public IcebergType ElementType => ElementField.Type;

    public bool ElementRequired => ElementField.IsRequired;

    public override TypeId TypeId => TypeId.List;

    public override bool Equals(IcebergType? other) => other is ListType l && l.ElementField.Equals(ElementField);

    public override int GetHashCode() => HashCode.Combine(TypeId.List, ElementField);

    public override string ToString() => $"list<{ElementField}>";
}
