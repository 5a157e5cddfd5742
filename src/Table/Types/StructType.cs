namespace Lakehouse.Table.Types;

/// <summary>A tuple of named fields with ids. A table schema is a struct.</summary>
public sealed class StructType : IcebergType
{
    public StructType(IReadOnlyList<NestedField> fields) => Fields = fields;

    public IReadOnlyList<NestedField> Fields { get; }

    public override TypeId TypeId => TypeId.Struct;

    /// <summary>The direct child with id <paramref name="id"/>, or null.</summary>
    public NestedField? Field(int id)
    {
        foreach (var f in Fields)
        {
            if (f.Id == id)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>The direct child named <paramref name="name"/>, or null.</summary>
    public NestedField? Field(string name, bool caseSensitive = true)
    {
        var cmp = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var f in Fields)
        {
            if (string.Equals(f.Name, name, cmp))
            {
                return f;
            }
        }

        return null;
    }

    public override bool Equals(IcebergType? other)
    {
        if (other is not StructType s || s.Fields.Count != Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (!Fields[i].Equals(s.Fields[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode() => HashCode.Combine(TypeId.Struct, Fields.Count);

    public override string ToString() => "struct<" + string.Join(", ", Fields) + ">";
}
