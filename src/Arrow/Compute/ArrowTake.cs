using System.Buffers;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Compute;

/// <summary>
/// Gathers rows by index into new compact arrays: <c>result[i] = source[indices[i]]</c>. Indices may repeat and come in
/// any order (a selection vector from a filter is ascending). Every layout is supported: validity is gathered bit by bit,
/// fixed-width values (and dictionary indices) by width, variable-length values with fresh offsets, lists/maps/fixed-size
/// lists by gathering their child ranges, structs child by child. Views, unions and run-end encoded arrays are
/// gathered as runs of consecutive indices (correct, not fast; the result may then be a slice). Otherwise the result has
/// offset 0 and owns fresh buffers (dictionaries are shared).
/// </summary>
public static class ArrowTake
{
    public static RecordBatch Take(RecordBatch batch, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = new ArrowArray[batch.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Take(batch.Column(i), indices);
        }

        return new RecordBatch(batch.Schema, columns, indices.Length);
    }

    public static ArrowArray Take(ArrowArray array, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(array);
        return ArrowArray.Create(Take(array.Data, indices));
    }

    public static ArrayData Take(ArrayData data, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)data.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {index} is outside an array of length {data.Length}");
            }
        }

        return TakeChecked(data, indices);
    }

    private static ArrayData TakeChecked(ArrayData data, ReadOnlySpan<int> indices)
    {
        var type = data.Type;
        var n = indices.Length;
        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return new ArrayData(type, n, n, 0, []);
            case ArrowTypeId.Boolean:
            {
                var (validity, nulls) = TakeValidity(data, indices);
                return new ArrayData(type, n, nulls, 0, [validity, TakeBits(data.Buffers[1].Span, data.Offset, indices)]);
            }

            case ArrowTypeId.Binary or ArrowTypeId.Utf8:
                return TakeBinary<int>(data, indices);
            case ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8:
                return TakeBinary<long>(data, indices);
            case ArrowTypeId.List or ArrowTypeId.Map:
                return TakeList<int>(data, indices);
            case ArrowTypeId.LargeList:
                return TakeList<long>(data, indices);
            case ArrowTypeId.FixedSizeList:
                return TakeFixedSizeList(data, indices);
            case ArrowTypeId.Struct:
                return TakeStruct(data, indices);
            case ArrowTypeId.Dictionary:
            {
                var (validity, nulls) = TakeValidity(data, indices);
                var values = TakeFixedWidth(data.Buffers[1].Span, data.Offset, type.BitWidth / 8, indices);
                return new ArrayData(type, n, nulls, 0, [validity, values], null, data.Dictionary);
            }

            case ArrowTypeId.BinaryView or ArrowTypeId.Utf8View or ArrowTypeId.ListView or ArrowTypeId.LargeListView
                or ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion or ArrowTypeId.RunEndEncoded:
                return TakeByRuns(data, indices);
            default:
            {
                if (!type.IsFixedWidth || type.BitWidth % 8 != 0)
                {
                    throw new NotSupportedException($"take on {type} is not supported");
                }

                var (validity, nulls) = TakeValidity(data, indices);
                var values = TakeFixedWidth(data.Buffers[1].Span, data.Offset, type.BitWidth / 8, indices);
                return new ArrayData(type, n, nulls, 0, [validity, values]);
            }
        }
    }

    /// <summary>The gathered validity bitmap (empty when the source has no nulls) and its null count.</summary>
    private static (ArrowBuffer Validity, int NullCount) TakeValidity(ArrayData data, ReadOnlySpan<int> indices)
    {
        if (data.NullCount == 0 || data.Validity.IsEmpty)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var source = data.Validity.Span;
        var offset = data.Offset;
        var memory = BufferAllocator.Allocate(BitUtil.BytesForBits(indices.Length));
        var bits = memory.Span;
        var valid = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            var bit = offset + indices[i];
            if ((source[bit >> 3] & (1 << (bit & 7))) != 0)
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
                valid++;
            }
        }

        var nulls = indices.Length - valid;
        return nulls == 0 ? (ArrowBuffer.Empty, 0) : (new ArrowBuffer(memory), nulls);
    }

    private static ArrowBuffer TakeBits(ReadOnlySpan<byte> source, int offset, ReadOnlySpan<int> indices)
    {
        var memory = BufferAllocator.Allocate(BitUtil.BytesForBits(indices.Length));
        var bits = memory.Span;
        for (var i = 0; i < indices.Length; i++)
        {
            var bit = offset + indices[i];
            if ((source[bit >> 3] & (1 << (bit & 7))) != 0)
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new ArrowBuffer(memory);
    }

    private static ArrowBuffer TakeFixedWidth(ReadOnlySpan<byte> source, int offset, int width, ReadOnlySpan<int> indices)
    {
        var memory = BufferAllocator.Allocate(checked(indices.Length * width), zero: false);
        var target = memory.Span;
        switch (width)
        {
            case 1:
                Gather(source[offset..], target, indices);
                break;
            case 2:
                Gather(MemoryMarshal.Cast<byte, short>(source)[offset..], MemoryMarshal.Cast<byte, short>(target), indices);
                break;
            case 4:
                Gather(MemoryMarshal.Cast<byte, int>(source)[offset..], MemoryMarshal.Cast<byte, int>(target), indices);
                break;
            case 8:
                Gather(MemoryMarshal.Cast<byte, long>(source)[offset..], MemoryMarshal.Cast<byte, long>(target), indices);
                break;
            case 16:
                Gather(MemoryMarshal.Cast<byte, Int128>(source)[offset..], MemoryMarshal.Cast<byte, Int128>(target), indices);
                break;
            default:
                for (var i = 0; i < indices.Length; i++)
                {
                    source.Slice((offset + indices[i]) * width, width).CopyTo(target.Slice(i * width, width));
                }

                break;
        }

        return new ArrowBuffer(memory);
    }

    private static void Gather<T>(ReadOnlySpan<T> source, Span<T> target, ReadOnlySpan<int> indices)
        where T : unmanaged
    {
        target = target[..indices.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = source[indices[i]];
        }
    }

    private static ArrayData TakeBinary<TOffset>(ArrayData data, ReadOnlySpan<int> indices)
        where TOffset : unmanaged, System.Numerics.IBinaryInteger<TOffset>
    {
        var n = indices.Length;
        var (validity, nulls) = TakeValidity(data, indices);
        var offsets = data.Buffers[1].As<TOffset>().Slice(data.Offset, data.Length + 1);
        var source = data.Buffers[2].Span;
        long total = 0;
        foreach (var index in indices)
        {
            total += long.CreateTruncating(offsets[index + 1] - offsets[index]);
        }

        var offsetMemory = BufferAllocator.Allocate(checked((n + 1) * System.Runtime.CompilerServices.Unsafe.SizeOf<TOffset>()), zero: false);
        var valueMemory = BufferAllocator.Allocate(checked((int)total), zero: false);
        var newOffsets = MemoryMarshal.Cast<byte, TOffset>(offsetMemory.Span);
        var values = valueMemory.Span;
        var position = 0;
        newOffsets[0] = TOffset.Zero;
        for (var i = 0; i < n; i++)
        {
            var start = int.CreateTruncating(offsets[indices[i]]);
            var length = int.CreateTruncating(offsets[indices[i] + 1]) - start;
            source.Slice(start, length).CopyTo(values[position..]);
            position += length;
            newOffsets[i + 1] = TOffset.CreateTruncating(position);
        }

        return new ArrayData(data.Type, n, nulls, 0, [validity, new ArrowBuffer(offsetMemory), new ArrowBuffer(valueMemory)]);
    }

    private static ArrayData TakeList<TOffset>(ArrayData data, ReadOnlySpan<int> indices)
        where TOffset : unmanaged, System.Numerics.IBinaryInteger<TOffset>
    {
        var n = indices.Length;
        var (validity, nulls) = TakeValidity(data, indices);
        var offsets = data.Buffers[1].As<TOffset>().Slice(data.Offset, data.Length + 1);
        long total = 0;
        foreach (var index in indices)
        {
            total += long.CreateTruncating(offsets[index + 1] - offsets[index]);
        }

        var offsetMemory = BufferAllocator.Allocate(checked((n + 1) * System.Runtime.CompilerServices.Unsafe.SizeOf<TOffset>()), zero: false);
        var newOffsets = MemoryMarshal.Cast<byte, TOffset>(offsetMemory.Span);
        var childIndices = ArrayPool<int>.Shared.Rent(checked((int)Math.Max(total, 1)));
        try
        {
            var position = 0;
            newOffsets[0] = TOffset.Zero;
            for (var i = 0; i < n; i++)
            {
                var start = int.CreateTruncating(offsets[indices[i]]);
                var end = int.CreateTruncating(offsets[indices[i] + 1]);
                for (var c = start; c < end; c++)
                {
                    childIndices[position++] = c;
                }

                newOffsets[i + 1] = TOffset.CreateTruncating(position);
            }

            var child = TakeChecked(data.Children[0], childIndices.AsSpan(0, position));
            return new ArrayData(data.Type, n, nulls, 0, [validity, new ArrowBuffer(offsetMemory)], [child]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(childIndices);
        }
    }

    private static ArrayData TakeFixedSizeList(ArrayData data, ReadOnlySpan<int> indices)
    {
        var n = indices.Length;
        var size = ((FixedSizeListType)data.Type).ListSize;
        var (validity, nulls) = TakeValidity(data, indices);
        var childIndices = ArrayPool<int>.Shared.Rent(Math.Max(checked(n * size), 1));
        try
        {
            var position = 0;
            foreach (var index in indices)
            {
                var start = (data.Offset + index) * size;
                for (var c = 0; c < size; c++)
                {
                    childIndices[position++] = start + c;
                }
            }

            var child = TakeChecked(data.Children[0], childIndices.AsSpan(0, position));
            return new ArrayData(data.Type, n, nulls, 0, [validity], [child]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(childIndices);
        }
    }

    private static ArrayData TakeStruct(ArrayData data, ReadOnlySpan<int> indices)
    {
        var n = indices.Length;
        var (validity, nulls) = TakeValidity(data, indices);
        var children = new ArrayData[data.Children.Length];
        if (data.Offset == 0)
        {
            for (var c = 0; c < children.Length; c++)
            {
                children[c] = TakeChecked(data.Children[c], indices);
            }
        }
        else
        {
            var shifted = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
            try
            {
                for (var i = 0; i < n; i++)
                {
                    shifted[i] = data.Offset + indices[i];
                }

                for (var c = 0; c < children.Length; c++)
                {
                    children[c] = TakeChecked(data.Children[c], shifted.AsSpan(0, n));
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(shifted);
            }
        }

        return new ArrayData(data.Type, n, nulls, 0, [validity], children);
    }

    /// <summary>Layouts without a dedicated gather: slices of consecutive runs of indices, concatenated.</summary>
    private static ArrayData TakeByRuns(ArrayData data, ReadOnlySpan<int> indices)
    {
        ArrayData? result = null;
        var i = 0;
        while (i < indices.Length)
        {
            var end = i + 1;
            while (end < indices.Length && indices[end] == indices[end - 1] + 1)
            {
                end++;
            }

            var slice = data.Slice(indices[i], end - i);
            result = result is null ? slice : ArrayConcatenator.Concat(result, slice);
            i = end;
        }

        return result ?? data.Slice(0, 0);
    }
}
