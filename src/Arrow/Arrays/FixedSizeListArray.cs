using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Lists of exactly ListSize child values each.</summary>
public sealed class FixedSizeListArray : ArrowArray
{
    private ArrowArray? _values;

    public FixedSizeListArray(ArrayData data)
        : base(data)
    {
        ListSize = ((FixedSizeListType)data.Type).ListSize;
    }

    public int ListSize { get; }

    public ArrowArray Values => _values ??= Create(Data.Children[0]);

    public ArrowArray GetList(int index) => Values.Slice((Data.Offset + index) * ListSize, ListSize);
}
