using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>
/// Builds new arrays from slots of existing ones: gather by index (a negative index gives null; used by
/// filters, sorts and outer joins), repeat one slot, concatenate. Works on the storage layouts the engine
/// uses (null, boolean, fixed width, binary/utf8, list, map, struct).
/// </summary>
public static class ArrayGather
{
    /// <summary>An array whose slot i is <c>source[indices[i]]</c>, or null where the index is negative.</summary>
    public static ArrowArray Gather(ArrowArray source, ReadOnlySpan<int> indices) => ArrowArray.Create(GatherData(source, indices));

    /// <summary>Slot 0 of <paramref name="single"/> repeated <paramref name="length"/> times.</summary>
    public static ArrowArray Repeat(ArrowArray single, int length)
    {
        var zeros = new int[length];
        return Gather(single, zeros);
    }

    /// <summary>The arrays one after another (all of one type).</summary>
    public static ArrowArray Concat(IReadOnlyList<ArrowArray> arrays, ArrowType type)
    {
        if (arrays.Count == 1)
        {
            return arrays[0];
        }

        if (arrays.Count == 0)
        {
            return ArrayFactory.Empty(type);
        }

        // Concatenation is a gather over a virtual array; do it per source with identity indices.
        var total = 0;
        foreach (var a in arrays)
        {
            total = checked(total + a.Length);
        }

        var parts = new ArrayData[arrays.Count];
        for (var i = 0; i < arrays.Count; i++)
        {
            parts[i] = arrays[i].Data;
        }

        return ArrowArray.Create(ConcatData(parts, type, total));
    }

    private static ArrayData ConcatData(ArrayData[] parts, ArrowType type, int total)
    {
        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return new ArrayData(type, total, total, 0, []);
            case ArrowTypeId.Struct:
                {
                    var st = (StructType)type;
                    var children = new ArrayData[st.Fields.Count];
                    for (var c = 0; c < children.Length; c++)
                    {
                        var childParts = new ArrayData[parts.Length];
                        for (var p = 0; p < parts.Length; p++)
                        {
                            childParts[p] = ((StructArray)ArrowArray.Create(parts[p])).Field(c).Data;
                        }

                        children[c] = ConcatData(childParts, st.Fields[c].Type, total);
                    }

                    var (validity, nulls) = ConcatValidity(parts, total);
                    return new ArrayData(type, total, nulls, 0, [validity], children);
                }

            case ArrowTypeId.List or ArrowTypeId.Map:
                {
                    var offsets = new int[total + 1];
                    var childParts = new ArrayData[parts.Length];
                    var row = 0;
                    var childTotal = 0;
                    for (var p = 0; p < parts.Length; p++)
                    {
                        var list = (ListArray)ArrowArray.Create(parts[p]);
                        var src = list.ValueOffsets;
                        var start = src.Length > 0 ? src[0] : 0;
                        var end = src.Length > 0 ? src[^1] : 0;
                        for (var i = 0; i < list.Length; i++)
                        {
                            offsets[row + i] = childTotal + src[i] - start;
                        }

                        row += list.Length;
                        childParts[p] = parts[p].Children[0].Slice(start, end - start);
                        childTotal += end - start;
                    }

                    offsets[total] = childTotal;
                    var childType = type is ListType lt ? lt.ValueType : ((Arrow.Types.MapType)type).EntriesField.Type;
                    var child = ConcatData(childParts, childType, childTotal);
                    var (validity, nulls) = ConcatValidity(parts, total);
                    return new ArrayData(type, total, nulls, 0, [validity, ArrowBuffer.FromArray(offsets)], [child]);
                }

            default:
                {
                    // Flat layouts: gather each part into place through a shared writer.
                    var writer = new FlatWriter(type, total);
                    foreach (var part in parts)
                    {
                        writer.AppendRange(ArrowArray.Create(part));
                    }

                    return writer.Build();
                }
        }
    }

    private static (ArrowBuffer Validity, int NullCount) ConcatValidity(ArrayData[] parts, int total)
    {
        var nulls = 0;
        foreach (var p in parts)
        {
            nulls += p.NullCount;
        }

        if (nulls == 0)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new byte[BitUtil.BytesForBits(total)];
        var row = 0;
        foreach (var p in parts)
        {
            if (p.NullCount == 0)
            {
                for (var i = 0; i < p.Length; i++)
                {
                    BitUtil.SetBit(bits, row + i);
                }
            }
            else
            {
                BitUtil.CopyBits(p.Validity.Span, p.Offset, bits, row, p.Length);
            }

            row += p.Length;
        }

        return (new ArrowBuffer(bits), nulls);
    }

    private static ArrayData GatherData(ArrowArray source, ReadOnlySpan<int> indices)
    {
        var type = source.Type;
        var n = indices.Length;
        if (type.Id == ArrowTypeId.Null)
        {
            return new ArrayData(type, n, n, 0, []);
        }

        var (validity, nullCount) = GatherValidity(source, indices);
        switch (type.Id)
        {
            case ArrowTypeId.Boolean:
                {
                    var values = new byte[BitUtil.BytesForBits(n)];
                    var src = source.Data.Buffers[1].Span;
                    var off = source.Offset;
                    for (var i = 0; i < n; i++)
                    {
                        var k = indices[i];
                        if (k >= 0 && BitUtil.GetBit(src, off + k))
                        {
                            BitUtil.SetBit(values, i);
                        }
                    }

                    return new ArrayData(type, n, nullCount, 0, [validity, new ArrowBuffer(values)]);
                }

            case ArrowTypeId.Binary or ArrowTypeId.Utf8:
                {
                    var bin = (BinaryArray)source;
                    var srcOffsets = bin.ValueOffsets;
                    var data = bin.ValueData;
                    var offsets = new int[n + 1];
                    long bytes = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var k = indices[i];
                        if (k >= 0)
                        {
                            bytes += srcOffsets[k + 1] - srcOffsets[k];
                        }
                    }

                    var buffer = new byte[checked((int)bytes)];
                    var pos = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var k = indices[i];
                        if (k >= 0)
                        {
                            var len = srcOffsets[k + 1] - srcOffsets[k];
                            data.Slice(srcOffsets[k], len).CopyTo(buffer.AsSpan(pos));
                            pos += len;
                        }

                        offsets[i + 1] = pos;
                    }

                    return new ArrayData(type, n, nullCount, 0, [validity, ArrowBuffer.FromArray(offsets), new ArrowBuffer(buffer)]);
                }

            case ArrowTypeId.Struct:
                {
                    var st = (StructArray)source;
                    var children = new ArrayData[st.StructType.Fields.Count];
                    for (var c = 0; c < children.Length; c++)
                    {
                        children[c] = GatherData(st.Field(c), indices);
                    }

                    return new ArrayData(type, n, nullCount, 0, [validity], children);
                }

            case ArrowTypeId.List or ArrowTypeId.Map:
                {
                    var list = (ListArray)source;
                    var srcOffsets = list.ValueOffsets;
                    var offsets = new int[n + 1];
                    var childIndices = new List<int>();
                    for (var i = 0; i < n; i++)
                    {
                        var k = indices[i];
                        if (k >= 0)
                        {
                            for (var j = srcOffsets[k]; j < srcOffsets[k + 1]; j++)
                            {
                                childIndices.Add(j);
                            }
                        }

                        offsets[i + 1] = childIndices.Count;
                    }

                    var child = GatherData(ArrowArray.Create(source.Data.Children[0]), CollectionsMarshal.AsSpan(childIndices));
                    return new ArrayData(type, n, nullCount, 0, [validity, ArrowBuffer.FromArray(offsets)], [child]);
                }

            default:
                {
                    var width = type.BitWidth / 8;
                    if (width == 0 || type.BitWidth % 8 != 0)
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, $"cannot gather values of Arrow type {type}");
                    }

                    var src = source.Data.Buffers[1].Span.Slice(source.Offset * width);
                    var values = new byte[checked(n * width)];
                    GatherFixed(src, values, indices, width);
                    return new ArrayData(type, n, nullCount, 0, [validity, new ArrowBuffer(values)]);
                }
        }
    }

    private static void GatherFixed(ReadOnlySpan<byte> src, Span<byte> dst, ReadOnlySpan<int> indices, int width)
    {
        switch (width)
        {
            case 8:
                {
                    var s = MemoryMarshal.Cast<byte, long>(src);
                    var d = MemoryMarshal.Cast<byte, long>(dst);
                    for (var i = 0; i < indices.Length; i++)
                    {
                        var k = indices[i];
                        d[i] = k >= 0 ? s[k] : 0;
                    }

                    return;
                }

            case 4:
                {
                    var s = MemoryMarshal.Cast<byte, int>(src);
                    var d = MemoryMarshal.Cast<byte, int>(dst);
                    for (var i = 0; i < indices.Length; i++)
                    {
                        var k = indices[i];
                        d[i] = k >= 0 ? s[k] : 0;
                    }

                    return;
                }

            default:
                for (var i = 0; i < indices.Length; i++)
                {
                    var k = indices[i];
                    if (k >= 0)
                    {
                        src.Slice(k * width, width).CopyTo(dst.Slice(i * width, width));
                    }
                }

                return;
        }
    }

    private static (ArrowBuffer Validity, int NullCount) GatherValidity(ArrowArray source, ReadOnlySpan<int> indices)
    {
        var n = indices.Length;
        var sourceHasNulls = source.NullCount > 0;
        var anyNegative = false;
        if (!sourceHasNulls)
        {
            foreach (var k in indices)
            {
                if (k < 0)
                {
                    anyNegative = true;
                    break;
                }
            }

            if (!anyNegative)
            {
                return (ArrowBuffer.Empty, 0);
            }
        }

        var bits = new byte[BitUtil.BytesForBits(n)];
        var nulls = 0;
        for (var i = 0; i < n; i++)
        {
            var k = indices[i];
            if (k >= 0 && source.IsValid(k))
            {
                BitUtil.SetBit(bits, i);
            }
            else
            {
                nulls++;
            }
        }

        return nulls == 0 ? (ArrowBuffer.Empty, 0) : (new ArrowBuffer(bits), nulls);
    }
}
