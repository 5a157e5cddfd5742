namespace Lakehouse.Table.Metadata;

/// <summary>One entry of a name mapping: the names a field may have in data files, its id, and child mappings.</summary>
public sealed class MappedField : IEquatable<MappedField>
{
    public MappedField(int? fieldId, IReadOnlyList<string> names, IReadOnlyList<MappedField>? fields = null)
    {
        FieldId = fieldId;
        Names = names;
        Fields = fields ?? [];
    }

    public int? FieldId { get; }

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<MappedField> Fields { get; }

    /// <summary>The child mapping with name <paramref name="name"/> (names are literal; "a.b" is one name).</summary>
    public MappedField? Child(string name)
    {
        foreach (var f in Fields)
        {
            foreach (var n in f.Names)
            {
                if (string.Equals(n, name, StringComparison.Ordinal))
                {
                    return f;
                }
            }
        }

        return null;
    }

    public bool Equals(MappedField? other) =>
        other is not null && other.FieldId == FieldId && other.Names.SequenceEqual(Names) && other.Fields.SequenceEqual(Fields);

    public override bool Equals(object? obj) => obj is MappedField f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(FieldId, Names.Count);
}
