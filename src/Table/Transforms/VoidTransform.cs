using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Types;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Transforms;

/// <summary>Always null; used to drop a partition field in v1 tables.</summary>
public sealed class VoidTransform : Transform
{
    internal VoidTransform()
    {
    }

    public override bool CanTransform(PrimitiveType source) => true;

    public override PrimitiveType ResultType(PrimitiveType source) => source;

    public override object? Apply(object? value, PrimitiveType source) => null;

    /// <summary>An all-null array of the source's Arrow type.</summary>
    public override ArrowArray Apply(ArrowArray values, PrimitiveType source)
    {
        var type = values.Type;
        var length = values.Length;
        var validity = new ArrowBuffer(BufferAllocator.Allocate(BitUtil.BytesForBits(length)));
        ArrowBuffer[] buffers = type.IsFixedWidth
            ? [validity, new ArrowBuffer(BufferAllocator.Allocate(checked((int)BitUtil.BytesForBits((long)length * type.BitWidth))))]
            : type.IsBinaryLike
                ? [validity, new ArrowBuffer(BufferAllocator.Allocate(checked((length + 1) * OffsetWidth(type)))), ArrowBuffer.Empty]
                : throw UnsupportedArray(values, this);
        return ArrowArray.Create(new ArrayData(type, length, length, 0, buffers));
    }

    private static int OffsetWidth(ArrowType type) => type.Id switch
    {
        ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8 => 8,
        ArrowTypeId.BinaryView or ArrowTypeId.Utf8View => 16,
        _ => 4,
    };

    public override string ToHumanString(object? value, PrimitiveType source) => "null";

    public override string ToString() => "void";
}
