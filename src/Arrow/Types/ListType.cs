namespace Lakehouse.Arrow.Types;

/// <summary>Variable-size lists: list (int32 offsets), large_list (int64), and the list-view layouts.</summary>
public sealed class ListType : ArrowType
{
    public ListType(Field valueField, ArrowTypeId id = ArrowTypeId.List)
    {
        if (id is not (ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.ListView or ArrowTypeId.LargeListView))
        {
            throw new ArgumentOutOfRangeException(nameof(id), "not a list layout");
        }

        ValueField = valueField;
        Id = id;
    }

    public ListType(ArrowType valueType, bool nullable = true)
        : this(new Field("item", valueType, nullable))
    {
    }

    public Field ValueField { get; }

    public ArrowType ValueType => ValueField.Type;

    public override ArrowTypeId Id { get; }

    public bool IsLarge => Id is ArrowTypeId.LargeList or ArrowTypeId.LargeListView;

    public bool IsView => Id is ArrowTypeId.ListView or ArrowTypeId.LargeListView;

    public override bool Equals(ArrowType? other) => other is ListType l && l.Id == Id && l.ValueField.Equals(ValueField);

    public override int GetHashCode() => HashCode.Combine(Id, ValueField);

    public override string ToString()
    {
        var name = Id switch
        {
            ArrowTypeId.List => "list",
            ArrowTypeId.LargeList => "large_list",
            ArrowTypeId.ListView => "list_view",
            _ => "large_list_view",
        };
        return $"{name}<{ValueField.Name}: {ValueType}{(ValueField.IsNullable ? string.Empty : " not null")}>";
    }
}
