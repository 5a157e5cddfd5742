using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>Converts Arrow leaf values (selected by index) to their Parquet physical representation.</summary>
internal static class PhysicalValueWriter
{
    private const long MillisPerDay = 86_400_000;

    public static void Append(ArrowArray array, ReadOnlySpan<int> indices, WriteLeaf leaf, ColumnBuffer buffer)
    {
        if (array is DictionaryArray dict)
        {
            var mapped = new int[indices.Length];
            for (var k = 0; k < indices.Length; k++)
            {
                mapped[k] = checked((int)dict.GetIndex(indices[k]));
            }

            Append(dict.Dictionary, mapped, leaf, buffer);
            return;
        }

        var values = buffer.Values;
        buffer.ValueCount += indices.Length;
        switch (array)
        {
            case BooleanArray b:
                foreach (var i in indices)
                {
                    values.Append(b.Value(i) ? (byte)1 : (byte)0);
                }

                return;
            case PrimitiveArray<sbyte> a:
                AppendInt32(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<short> a:
                AppendInt32(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<byte> a:
                AppendInt32(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<ushort> a:
                AppendInt32(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<uint> a:
                AppendInt32(a.Values, indices, values, static v => unchecked((int)v));
                return;
            case PrimitiveArray<int> a when array.Type is TimeType { Unit: TimeUnit.Second }:
                AppendInt32(a.Values, indices, values, static v => v * 1000);
                return;
            case PrimitiveArray<int> a:
                AppendInt32(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<long> a when array.Type.Id == ArrowTypeId.Date64:
                AppendInt32(a.Values, indices, values, static v => (int)Math.Floor(v / (double)MillisPerDay));
                return;
            case PrimitiveArray<long> a when array.Type is TimestampType { Unit: TimeUnit.Second }:
                AppendInt64(a.Values, indices, values, static v => v * 1000);
                return;
            case PrimitiveArray<long> a:
                AppendInt64(a.Values, indices, values, static v => v);
                return;
            case PrimitiveArray<ulong> a:
                AppendInt64(a.Values, indices, values, static v => unchecked((long)v));
                return;
            case PrimitiveArray<Half> a:
                {
                    var src = a.Values;
                    foreach (var i in indices)
                    {
                        var h = src[i];
                        if (Half.IsNaN(h))
                        {
                            buffer.NanCount++;
                        }

                        values.Append(h);
                    }

                    return;
                }

            case PrimitiveArray<float> a:
                {
                    var src = a.Values;
                    foreach (var i in indices)
                    {
                        var f = src[i];
                        if (float.IsNaN(f))
                        {
                            buffer.NanCount++;
                        }

                        values.Append(f);
                    }

                    return;
                }

            case PrimitiveArray<double> a:
                {
                    var src = a.Values;
                    foreach (var i in indices)
                    {
                        var d = src[i];
                        if (double.IsNaN(d))
                        {
                            buffer.NanCount++;
                        }

                        values.Append(d);
                    }

                    return;
                }

            case DecimalArray d:
                AppendDecimal(d, indices, leaf, values);
                return;
            case FixedSizeBinaryArray f:
                foreach (var i in indices)
                {
                    values.Append(f.GetBytes(i));
                }

                return;
            case BinaryArray s:
                AppendBytes(buffer, indices, s.GetBytes);
                return;
            case LargeBinaryArray s:
                AppendBytes(buffer, indices, s.GetBytes);
                return;
            case BinaryViewArray s:
                AppendBytes(buffer, indices, s.GetBytes);
                return;
            default:
                throw new NotSupportedException($"column '{leaf.DottedPath}': cannot write {array.Type}");
        }
    }

    /// <summary>Appends every value of an array without nulls in bulk when no conversion is needed; false otherwise.</summary>
    public static bool TryAppendAll(ArrowArray array, ColumnBuffer buffer)
    {
        var values = buffer.Values;
        switch (array)
        {
            case PrimitiveArray<int> a when array.Type is not TimeType { Unit: TimeUnit.Second }:
                values.Append(a.Values);
                break;
            case PrimitiveArray<uint> a:
                values.Append(a.Values);
                break;
            case PrimitiveArray<long> a when array.Type.Id != ArrowTypeId.Date64 && array.Type is not TimestampType { Unit: TimeUnit.Second }:
                values.Append(a.Values);
                break;
            case PrimitiveArray<ulong> a:
                values.Append(a.Values);
                break;
            case PrimitiveArray<float> a:
                values.Append(a.Values);
                foreach (var f in a.Values)
                {
                    if (float.IsNaN(f))
                    {
                        buffer.NanCount++;
                    }
                }

                break;
            case PrimitiveArray<double> a:
                values.Append(a.Values);
                foreach (var d in a.Values)
                {
                    if (double.IsNaN(d))
                    {
                        buffer.NanCount++;
                    }
                }

                break;
            case BinaryArray b when buffer.Offsets is { } offsets:
                {
                    var src = b.ValueOffsets;
                    var baseOffset = values.Length - src[0];
                    var dst = MemoryMarshal.Cast<byte, int>(offsets.GetSpan((src.Length - 1) * 4))[..(src.Length - 1)];
                    for (var i = 1; i < src.Length; i++)
                    {
                        dst[i - 1] = checked(src[i] + baseOffset);
                    }

                    offsets.Advance((src.Length - 1) * 4);
                    values.Append(b.ValueData[src[0]..src[^1]]);
                    break;
                }

            default:
                return false;
        }

        buffer.ValueCount += array.Length;
        return true;
    }

    private delegate ReadOnlySpan<byte> BytesAt(int index);

    private static void AppendBytes(ColumnBuffer buffer, ReadOnlySpan<int> indices, BytesAt get)
    {
        var offsets = buffer.Offsets!;
        var data = buffer.Values;
        foreach (var i in indices)
        {
            data.Append(get(i));
            offsets.Append(checked(data.Length));
        }
    }

    private static void AppendInt32<T>(ReadOnlySpan<T> src, ReadOnlySpan<int> indices, Arrow.Memory.BufferBuilder values, Func<T, int> convert)
        where T : unmanaged
    {
        var dst = MemoryMarshal.Cast<byte, int>(values.GetSpan(indices.Length * 4))[..indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            dst[k] = convert(src[indices[k]]);
        }

        values.Advance(indices.Length * 4);
    }

    private static void AppendInt64<T>(ReadOnlySpan<T> src, ReadOnlySpan<int> indices, Arrow.Memory.BufferBuilder values, Func<T, long> convert)
        where T : unmanaged
    {
        var dst = MemoryMarshal.Cast<byte, long>(values.GetSpan(indices.Length * 8))[..indices.Length];
        for (var k = 0; k < indices.Length; k++)
        {
            dst[k] = convert(src[indices[k]]);
        }

        values.Advance(indices.Length * 8);
    }

    private static void AppendDecimal(DecimalArray d, ReadOnlySpan<int> indices, WriteLeaf leaf, Arrow.Memory.BufferBuilder values)
    {
        switch (leaf.PhysicalType)
        {
            case PhysicalType.Int32:
                foreach (var i in indices)
                {
                    values.Append(BinaryPrimitives.ReadInt32LittleEndian(d.ValueBytes(i)));
                }

                return;
            case PhysicalType.Int64:
                foreach (var i in indices)
                {
                    var bytes = d.ValueBytes(i);
                    values.Append(bytes.Length >= 8 ? BinaryPrimitives.ReadInt64LittleEndian(bytes) : BinaryPrimitives.ReadInt32LittleEndian(bytes));
                }

                return;
            default:
                {
                    var n = leaf.TypeLength;
                    foreach (var i in indices)
                    {
                        var le = d.ValueBytes(i);
                        var dst = values.GetSpan(n)[..n];
                        var fill = (le[^1] & 0x80) != 0 ? (byte)0xFF : (byte)0;
                        for (var k = 0; k < n; k++)
                        {
                            dst[n - 1 - k] = k < le.Length ? le[k] : fill;
                        }

                        values.Advance(n);
                    }

                    return;
                }
        }
    }
}
