using System.Numerics;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>
/// Converts arrays read from files into the engine's storage for their SQL type (see
/// <see cref="SqlType.FromArrow"/>): time units to microseconds, small decimals to decimal128, unsigned
/// integers widened, dictionaries decoded, large/view strings to utf8, nested field names relabelled.
/// </summary>
public static class StorageNormalizer
{
    public static ArrowArray Normalize(ArrowArray array, SqlType type)
    {
        var target = type.ArrowType;
        if (array.Type.Equals(target))
        {
            return array;
        }

        var data = array.Data;
        switch (array.Type.Id)
        {
            case ArrowTypeId.Dictionary:
                {
                    var dict = (DictionaryArray)array;
                    var idx = new int[array.Length];
                    for (var i = 0; i < idx.Length; i++)
                    {
                        idx[i] = dict.IsNull(i) ? -1 : checked((int)dict.GetIndex(i));
                    }

                    return Normalize(ArrayGather.Gather(dict.Dictionary, idx), type);
                }

            case ArrowTypeId.Timestamp when target.Id == ArrowTypeId.Timestamp:
                return ScaleLongs(array, type, Factor(((TimestampType)array.Type).Unit));
            case ArrowTypeId.Time64 or ArrowTypeId.Time32 when target.Id == ArrowTypeId.Time64:
                return array.Type.Id == ArrowTypeId.Time64 ? ScaleLongs(array, type, Factor(((TimeType)array.Type).Unit)) : Widen<int, long>(array, type, Factor(((TimeType)array.Type).Unit));
            case ArrowTypeId.Duration:
                return ScaleLongs(array, type, Factor(((DurationType)array.Type).Unit));
            case ArrowTypeId.Date64:
                {
                    var src = ((PrimitiveArray<long>)array).Values;
                    var mem = ArrayFactory.Allocate<int>(array.Length, out var dst);
                    for (var i = 0; i < dst.Length; i++)
                    {
                        dst[i] = (int)Math.Floor(src[i] / 86_400_000.0);
                    }

                    return Wrap(array, type, mem);
                }

            case ArrowTypeId.UInt8:
                return Widen<byte, short>(array, type, 1);
            case ArrowTypeId.UInt16:
                return Widen<ushort, int>(array, type, 1);
            case ArrowTypeId.UInt32:
                return Widen<uint, long>(array, type, 1);
            case ArrowTypeId.Float16:
                {
                    var src = ((PrimitiveArray<Half>)array).Values;
                    var mem = ArrayFactory.Allocate<float>(array.Length, out var dst);
                    for (var i = 0; i < dst.Length; i++)
                    {
                        dst[i] = (float)src[i];
                    }

                    return Wrap(array, type, mem);
                }

            case ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.UInt64:
                {
                    var mem = ArrayFactory.Allocate<Int128>(array.Length, out var dst);
                    for (var i = 0; i < dst.Length; i++)
                    {
                        if (array.IsValid(i))
                        {
                            dst[i] = array is DecimalArray d ? d.UnscaledInt128(i) : ((PrimitiveArray<ulong>)array).Values[i];
                        }
                    }

                    return Wrap(array, type, mem);
                }

            case ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView:
                {
                    var builder = new BinaryBuilder(target);
                    for (var i = 0; i < array.Length; i++)
                    {
                        if (array.IsNull(i))
                        {
                            builder.AppendNull();
                        }
                        else
                        {
                            builder.Append(array is LargeBinaryArray l ? l.GetBytes(i) : ((BinaryViewArray)array).GetBytes(i));
                        }
                    }

                    return builder.Build();
                }

            case ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.Decimal128 or ArrowTypeId.FixedSizeBinary:
                return Relabel(array, target);
            case ArrowTypeId.List or ArrowTypeId.Map:
                {
                    var childType = type.Kind == SqlTypeKind.Array ? type.ElementType! : SqlType.Row([new SqlRowField("key", type.ElementType!), new SqlRowField("value", type.ValueType!)]);
                    var child = Normalize(ArrowArray.Create(data.Children[0]), childType);
                    return ArrowArray.Create(new ArrayData(target, data.Length, data.NullCount, data.Offset, data.Buffers, [child.Data]));
                }

            case ArrowTypeId.Struct:
                {
                    var st = (StructArray)array;
                    var children = new ArrayData[type.Fields.Count];
                    for (var f = 0; f < children.Length; f++)
                    {
                        children[f] = Normalize(st.Field(f), type.Fields[f].Type).Data;
                    }

                    return ArrowArray.Create(new ArrayData(target, data.Length, data.NullCount, 0, [data.Offset == 0 ? data.Validity : SliceBits(data)], children));
                }

            default:
                if (array.Type.BitWidth == target.BitWidth && array.Type.BitWidth > 0)
                {
                    return Relabel(array, target);
                }

                throw new SqlException(SqlErrorKind.NotImplemented, $"cannot read Arrow type {array.Type} as {type}");
        }
    }

    private static ArrowBuffer SliceBits(ArrayData data)
    {
        if (data.Validity.IsEmpty)
        {
            return ArrowBuffer.Empty;
        }

        var bits = new byte[BitUtil.BytesForBits(data.Length)];
        BitUtil.CopyBits(data.Validity.Span, data.Offset, bits, 0, data.Length);
        return new ArrowBuffer(bits);
    }

    private static ArrowArray Relabel(ArrowArray array, ArrowType target)
    {
        var d = array.Data;
        return ArrowArray.Create(new ArrayData(target, d.Length, d.NullCount, d.Offset, d.Buffers, d.Children, d.Dictionary));
    }

    private static long Factor(Arrow.Types.TimeUnit unit) => unit switch
    {
        Arrow.Types.TimeUnit.Second => 1_000_000,
        Arrow.Types.TimeUnit.Millisecond => 1_000,
        Arrow.Types.TimeUnit.Microsecond => 1,
        _ => -1_000, // nanoseconds: divide
    };

    private static ArrowArray ScaleLongs(ArrowArray array, SqlType type, long factor)
    {
        if (factor == 1)
        {
            return Relabel(array, type.ArrowType);
        }

        var src = ((PrimitiveArray<long>)array).Values;
        var mem = ArrayFactory.Allocate<long>(array.Length, out var dst);
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = factor > 0 ? src[i] * factor : (long)Math.Floor(src[i] / (double)-factor);
        }

        return Wrap(array, type, mem);
    }

    private static ArrowArray Widen<TFrom, TTo>(ArrowArray array, SqlType type, long factor)
        where TFrom : unmanaged, INumber<TFrom>
        where TTo : unmanaged, INumber<TTo>
    {
        var src = ((PrimitiveArray<TFrom>)array).Values;
        var mem = ArrayFactory.Allocate<TTo>(array.Length, out var dst);
        var f = TTo.CreateChecked(factor);
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = TTo.CreateChecked(src[i]) * f;
        }

        return Wrap(array, type, mem);
    }

    private static ArrowArray Wrap(ArrowArray source, SqlType type, Memory<byte> mem)
    {
        var d = source.Data;
        byte[]? validity = null;
        if (d.NullCount > 0)
        {
            validity = new byte[BitUtil.BytesForBits(d.Length)];
            BitUtil.CopyBits(d.Validity.Span, d.Offset, validity, 0, d.Length);
        }

        return ArrayFactory.Wrap(type, d.Length, mem, validity, d.NullCount);
    }
}
