namespace Lakehouse.Arrow.Types;

/// <summary>Sparse or dense union; <see cref="TypeCodes"/>[i] is the type id that selects child i.</summary>
public sealed class UnionType : ArrowType
{
    public UnionType(IReadOnlyList<Field> fields, IReadOnlyList<int>? typeCodes, UnionMode mode)
    {
        Fields = fields;
        Mode = mode;
        if (typeCodes is null || typeCodes.Count == 0)
        {
            var codes = new int[fields.Count];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = i;
            }

            typeCodes = codes;
        }

        if (typeCodes.Count != fields.Count)
        {
            throw new ArgumentException("union needs one type code per child", nameof(typeCodes));
        }

        TypeCodes = typeCodes;
        ChildIndexByCode = new int[128];
        Array.Fill(ChildIndexByCode, -1);
        for (var i = 0; i < typeCodes.Count; i++)
        {
            if (typeCodes[i] is < 0 or > 127)
            {
                throw new ArgumentException($"union type code {typeCodes[i]} is outside 0..127", nameof(typeCodes));
            }

            ChildIndexByCode[typeCodes[i]] = i;
        }
    }

    public IReadOnlyList<Field> Fields { get; }

    public IReadOnlyList<int> TypeCodes { get; }

    /// <summary>Child index for each type code 0..127, or -1 where the code is unused.</summary>
    public int[] ChildIndexByCode { get; }

    public UnionMode Mode { get; }

    public override ArrowTypeId Id => Mode == UnionMode.Sparse ? ArrowTypeId.SparseUnion : ArrowTypeId.DenseUnion;

    public override bool Equals(ArrowType? other) =>
        other is UnionType u && u.Mode == Mode && u.TypeCodes.SequenceEqual(TypeCodes) && Field.ListEquals(u.Fields, Fields);

    public override int GetHashCode() => HashCode.Combine(Id, Fields.Count);

    public override string ToString() => $"{(Mode == UnionMode.Sparse ? "sparse" : "dense")}_union<{FieldList(Fields)}>";
}
