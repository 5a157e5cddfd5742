using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>
/// A typed view over <see cref="ArrayData"/>. Subclasses expose allocation-free accessors for hot loops
/// (spans over the value buffers, already adjusted for <see cref="Offset"/>).
/// </summary>
public abstract class ArrowArray
{
    protected ArrowArray(ArrayData data) => Data = data;

    public ArrayData Data { get; }

    public ArrowType Type => Data.Type;

    public int Length => Data.Length;

    public int Offset => Data.Offset;

    public int NullCount => Data.NullCount;

    /// <summary>The validity bitmap bytes (index with <c>Offset + i</c>), empty when there are no nulls.</summary>
    public ReadOnlySpan<byte> ValidityBitmap => Data.Validity.Span;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public virtual bool IsValid(int index)
    {
        var validity = Data.Validity;
        return validity.IsEmpty || BitUtil.GetBit(validity.Span, Data.Offset + index);
    }

    public bool IsNull(int index) => !IsValid(index);

    public ArrowArray Slice(int offset, int length) => Create(Data.Slice(offset, length));

    /// <summary>Wraps array data in the typed array class for its type.</summary>
    public static ArrowArray Create(ArrayData data) => data.Type.Id switch
    {
        ArrowTypeId.Null => new NullArray(data),
        ArrowTypeId.Boolean => new BooleanArray(data),
        ArrowTypeId.Int8 => new PrimitiveArray<sbyte>(data),
        ArrowTypeId.Int16 => new PrimitiveArray<short>(data),
        ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32 => new PrimitiveArray<int>(data),
        ArrowTypeId.Int64 or ArrowTypeId.Date64 or ArrowTypeId.Time64 or ArrowTypeId.Timestamp or ArrowTypeId.Duration => new PrimitiveArray<long>(data),
        ArrowTypeId.UInt8 => new PrimitiveArray<byte>(data),
        ArrowTypeId.UInt16 => new PrimitiveArray<ushort>(data),
        ArrowTypeId.UInt32 => new PrimitiveArray<uint>(data),
        ArrowTypeId.UInt64 => new PrimitiveArray<ulong>(data),
        ArrowTypeId.Float16 => new PrimitiveArray<Half>(data),
        ArrowTypeId.Float32 => new PrimitiveArray<float>(data),
        ArrowTypeId.Float64 => new PrimitiveArray<double>(data),
        ArrowTypeId.Interval => ((IntervalType)data.Type).Unit switch
        {
            IntervalUnit.YearMonth => new PrimitiveArray<int>(data),
            IntervalUnit.DayTime => new PrimitiveArray<DayTimeInterval>(data),
            _ => new PrimitiveArray<MonthDayNanoInterval>(data),
        },
        ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256 => new DecimalArray(data),
        ArrowTypeId.Binary or ArrowTypeId.Utf8 => new BinaryArray(data),
        ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8 => new LargeBinaryArray(data),
        ArrowTypeId.BinaryView or ArrowTypeId.Utf8View => new BinaryViewArray(data),
        ArrowTypeId.FixedSizeBinary => new FixedSizeBinaryArray(data),
        ArrowTypeId.List => new ListArray(data),
        ArrowTypeId.Map => new MapArray(data),
        ArrowTypeId.LargeList => new LargeListArray(data),
        ArrowTypeId.ListView or ArrowTypeId.LargeListView => new ListViewArray(data),
        ArrowTypeId.FixedSizeList => new FixedSizeListArray(data),
        ArrowTypeId.Struct => new StructArray(data),
        ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion => new UnionArray(data),
        ArrowTypeId.Dictionary => new DictionaryArray(data),
        ArrowTypeId.RunEndEncoded => new RunEndEncodedArray(data),
        _ => throw new NotSupportedException($"no array class for {data.Type}"),
    };

    public override string ToString() => $"{GetType().Name}<{Type}>[{Length}]";
}
