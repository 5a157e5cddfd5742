namespace Lakehouse.Arrow.Types;

/// <summary>A struct of named child fields.</summary>
public sealed class StructType : ArrowType
{
    public StructType(IReadOnlyList<Field> fields) => Fields = fields;

    public IReadOnlyList<Field> Fields { get; }

    public override ArrowTypeId Id => ArrowTypeId.Struct;

    /// <summary>Index of the first child named <paramref name="name"/> (ordinal comparison), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public override bool Equals(ArrowType? other) => other is StructType s && Field.ListEquals(s.Fields, Fields);

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Struct, Fields.Count);

    public override string ToString() => $"struct<{FieldList(Fields)}>";
}
