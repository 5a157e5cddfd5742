namespace Lakehouse.Avro.Schema;

/// <summary>A union of branches: no nested unions, at most one branch per unnamed type.</summary>
public sealed class UnionSchema : AvroSchema
{
    public UnionSchema(IReadOnlyList<AvroSchema> branches)
        : base(AvroType.Union)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < branches.Count; i++)
        {
            var b = branches[i];
            if (b.Type == AvroType.Union)
            {
                throw new AvroSchemaException("a union may not directly contain another union");
            }

            var key = b is NamedSchema n ? n.FullName : PrimitiveSchema.NameOf(b.Type);
            if (!seen.Add(key))
            {
                throw new AvroSchemaException($"union contains {key} twice");
            }

            if (b.Type == AvroType.Null && NullIndex < 0)
            {
                NullIndex = i;
            }
        }

        Branches = branches;
    }

    public IReadOnlyList<AvroSchema> Branches { get; }

    /// <summary>Index of the null branch, or -1.</summary>
    public int NullIndex { get; } = -1;

    /// <summary>For a two-branch union with null: the other branch (an "optional" type), else null.</summary>
    public AvroSchema? NonNullBranch => Branches.Count == 2 && NullIndex >= 0 ? Branches[1 - NullIndex] : null;

    public override string TypeName => "union";
}
