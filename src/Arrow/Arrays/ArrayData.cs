using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>
/// The physical contents of one array: type, logical length and offset, buffers and children, as in the
/// Arrow columnar specification. Buffer 0 is always the validity bitmap slot (empty when all values are
/// valid, and for types that have none: null and union); the remaining buffers follow the type's layout:
/// fixed-width values; offsets + data; views + variadic data buffers; type ids (+ offsets for dense union).
/// Dictionary-encoded arrays keep their indices here and the dictionary values in <see cref="Dictionary"/>.
/// </summary>
public sealed class ArrayData
{
    private int _nullCount;

    public ArrayData(ArrowType type, int length, int nullCount, int offset, ArrowBuffer[] buffers, ArrayData[]? children = null, ArrayData? dictionary = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Type = type;
        Length = length;
        _nullCount = nullCount;
        Offset = offset;
        Buffers = buffers;
        Children = children ?? [];
        Dictionary = dictionary;
        if (type.Id == ArrowTypeId.Null)
        {
            _nullCount = length;
        }
    }

    public ArrowType Type { get; }

    public int Length { get; }

    /// <summary>Logical start within the buffers (in values, or bits for bitmaps).</summary>
    public int Offset { get; }

    public ArrowBuffer[] Buffers { get; }

    public ArrayData[] Children { get; }

    public ArrayData? Dictionary { get; }

    public ArrowBuffer Validity => Buffers.Length > 0 ? Buffers[0] : default;

    /// <summary>Number of null slots, computed from the bitmap on first use when it was not known.</summary>
    public int NullCount
    {
        get
        {
            if (_nullCount < 0)
            {
                _nullCount = ComputeNullCount();
            }

            return _nullCount;
        }
    }

    /// <summary>A zero-copy view of <paramref name="length"/> values starting at <paramref name="offset"/>.</summary>
    public ArrayData Slice(int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"slice [{offset}, {offset + length}) is outside an array of length {Length}");
        }

        var nulls = _nullCount == 0 ? 0 : (Type.Id == ArrowTypeId.Null ? length : -1);
        return new ArrayData(Type, length, nulls, Offset + offset, Buffers, Children, Dictionary);
    }

    private int ComputeNullCount()
    {
        if (Type.Id is ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion or ArrowTypeId.RunEndEncoded)
        {
            return 0;
        }

        var validity = Validity;
        return validity.IsEmpty ? 0 : Length - BitUtil.CountSetBits(validity.Span, Offset, Length);
    }
}
