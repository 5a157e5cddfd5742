using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>
/// Sparse or dense union. Buffers[1] holds int8 type codes; dense unions add int32 offsets in Buffers[2].
/// Unions have no validity bitmap: a slot is null when the selected child's slot is null.
/// </summary>
public sealed class UnionArray : ArrowArray
{
    private readonly ArrowArray?[] _children;

    public UnionArray(ArrayData data)
        : base(data)
    {
        UnionType = (UnionType)data.Type;
        _children = new ArrowArray?[data.Children.Length];
    }

    public UnionType UnionType { get; }

    public ReadOnlySpan<sbyte> TypeCodes => Data.Buffers[1].As<sbyte>().Slice(Data.Offset, Data.Length);

    /// <summary>Dense unions: offset into the selected child for each slot.</summary>
    public ReadOnlySpan<int> ValueOffsets => Data.Buffers[2].As<int>().Slice(Data.Offset, Data.Length);

    public int ChildIndex(int index) => UnionType.ChildIndexByCode[TypeCodes[index]];

    /// <summary>The whole child array (not sliced).</summary>
    public ArrowArray Child(int childIndex) => _children[childIndex] ??= Create(Data.Children[childIndex]);

    /// <summary>Index into <see cref="Child"/> of the value selected by slot <paramref name="index"/>.</summary>
    public int ChildOffset(int index) => UnionType.Mode == UnionMode.Dense ? ValueOffsets[index] : Data.Offset + index;

    public override bool IsValid(int index) => Child(ChildIndex(index)).IsValid(ChildOffset(index));
}
