using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>A struct: one child array per field, all of the parent's length (children are sliced with the parent).</summary>
public sealed class StructArray : ArrowArray
{
    private readonly ArrowArray?[] _fields;

    public StructArray(ArrayData data)
        : base(data)
    {
        _fields = new ArrowArray?[data.Children.Length];
    }

    public StructType StructType => (StructType)Type;

    /// <summary>Child <paramref name="index"/>, sliced to this array's offset and length.</summary>
    public ArrowArray Field(int index)
    {
        if (_fields[index] is { } f)
        {
            return f;
        }

        var child = Data.Children[index];
        if (Data.Offset != 0 || child.Length != Data.Length)
        {
            child = child.Slice(Data.Offset, Data.Length);
        }

        return _fields[index] = Create(child);
    }
}
