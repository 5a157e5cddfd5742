using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>list_view / large_list_view: per-slot offset and size into the child (read support).</summary>
public sealed class ListViewArray : ArrowArray
{
    private ArrowArray? _values;

    public ListViewArray(ArrayData data)
        : base(data)
    {
        IsLarge = ((ListType)data.Type).IsLarge;
    }

    public bool IsLarge { get; }

    public ArrowArray Values => _values ??= Create(Data.Children[0]);

    public long ValueOffset(int index) => IsLarge ? Data.Buffers[1].As<long>()[Data.Offset + index] : Data.Buffers[1].As<int>()[Data.Offset + index];

    public long ValueSize(int index) => IsLarge ? Data.Buffers[2].As<long>()[Data.Offset + index] : Data.Buffers[2].As<int>()[Data.Offset + index];

    public ArrowArray GetList(int index) => Values.Slice(checked((int)ValueOffset(index)), checked((int)ValueSize(index)));
}
