using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Appends one array to another of the same type (used for delta dictionary batches).</summary>
internal static class ArrayConcatenator
{
    public static ArrayData Concat(ArrayData a, ArrayData b)
    {
        var type = a.Type;
        var length = checked(a.Length + b.Length);
        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return new ArrayData(type, length, length, 0, []);
            case ArrowTypeId.Boolean:
                return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b), Bits(a.Buffers[1], a.Offset, a.Length, b.Buffers[1], b.Offset, b.Length)]);
            case ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8:
            {
                var large = ((BinaryType)type).IsLarge;
                var (offsets, aStart, aEnd, bStart, bEnd) = Offsets(a, b, large);
                var data = BufferAllocator.Allocate(checked((int)(aEnd - aStart + bEnd - bStart)), zero: false);
                a.Buffers[2].Span[(int)aStart..(int)aEnd].CopyTo(data.Span);
                b.Buffers[2].Span[(int)bStart..(int)bEnd].CopyTo(data.Span[(int)(aEnd - aStart)..]);
                return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b), offsets, new ArrowBuffer(data)]);
            }

            case ArrowTypeId.BinaryView or ArrowTypeId.Utf8View:
            {
                var views = BufferAllocator.Allocate(length * 16, zero: false);
                a.Buffers[1].Span.Slice(a.Offset * 16, a.Length * 16).CopyTo(views.Span);
                var bViews = views.Span[(a.Length * 16)..];
                b.Buffers[1].Span.Slice(b.Offset * 16, b.Length * 16).CopyTo(bViews);
                var shift = a.Buffers.Length - 2;
                for (var i = 0; i < b.Length; i++)
                {
                    var view = bViews.Slice(i * 16, 16);
                    if (BinaryPrimitives.ReadInt32LittleEndian(view) > 12)
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(view[8..], BinaryPrimitives.ReadInt32LittleEndian(view[8..]) + shift);
                    }
                }

                var buffers = new ArrowBuffer[2 + shift + (b.Buffers.Length - 2)];
                buffers[0] = Validity(a, b);
                buffers[1] = new ArrowBuffer(views);
                Array.Copy(a.Buffers, 2, buffers, 2, shift);
                Array.Copy(b.Buffers, 2, buffers, 2 + shift, b.Buffers.Length - 2);
                return new ArrayData(type, length, NullCount(a, b), 0, buffers);
            }

            case ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Map:
            {
                var large = type.Id == ArrowTypeId.LargeList;
                var (offsets, aStart, aEnd, bStart, bEnd) = Offsets(a, b, large);
                var child = Concat(
                    a.Children[0].Slice(checked((int)aStart), checked((int)(aEnd - aStart))),
                    b.Children[0].Slice(checked((int)bStart), checked((int)(bEnd - bStart))));
                return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b), offsets], [child]);
            }

            case ArrowTypeId.FixedSizeList:
            {
                var size = ((FixedSizeListType)type).ListSize;
                var child = Concat(a.Children[0].Slice(a.Offset * size, a.Length * size), b.Children[0].Slice(b.Offset * size, b.Length * size));
                return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b)], [child]);
            }

            case ArrowTypeId.Struct:
            {
                var children = new ArrayData[a.Children.Length];
                for (var i = 0; i < children.Length; i++)
                {
                    children[i] = Concat(a.Children[i].Slice(a.Offset, a.Length), b.Children[i].Slice(b.Offset, b.Length));
                }

                return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b)], children);
            }

            default:
                if (type.BitWidth >= 8 && type.Id != ArrowTypeId.Dictionary)
                {
                    var width = type.BitWidth / 8;
                    var values = BufferAllocator.Allocate(checked(length * width), zero: false);
                    a.Buffers[1].Span.Slice(a.Offset * width, a.Length * width).CopyTo(values.Span);
                    b.Buffers[1].Span.Slice(b.Offset * width, b.Length * width).CopyTo(values.Span[(a.Length * width)..]);
                    return new ArrayData(type, length, NullCount(a, b), 0, [Validity(a, b), new ArrowBuffer(values)]);
                }

                throw new NotSupportedException($"Arrow IPC: delta dictionary batches of type {type} are not supported");
        }
    }

    private static int NullCount(ArrayData a, ArrayData b) => a.NullCount + b.NullCount;

    private static ArrowBuffer Validity(ArrayData a, ArrayData b)
    {
        if (a.NullCount == 0 && b.NullCount == 0)
        {
            return ArrowBuffer.Empty;
        }

        return Bits(a.Validity, a.Offset, a.Length, b.Validity, b.Offset, b.Length);
    }

    /// <summary>Concatenates two bit ranges; an empty source buffer means "all set".</summary>
    private static ArrowBuffer Bits(ArrowBuffer a, int aOffset, int aLength, ArrowBuffer b, int bOffset, int bLength)
    {
        var memory = BufferAllocator.Allocate(BitUtil.BytesForBits((long)aLength + bLength));
        var dst = memory.Span;
        if (a.IsEmpty)
        {
            for (var i = 0; i < aLength; i++)
            {
                BitUtil.SetBit(dst, i);
            }
        }
        else
        {
            BitUtil.CopyBits(a.Span, aOffset, dst, 0, aLength);
        }

        if (b.IsEmpty)
        {
            for (var i = 0; i < bLength; i++)
            {
                BitUtil.SetBit(dst, aLength + i);
            }
        }
        else
        {
            BitUtil.CopyBits(b.Span, bOffset, dst, aLength, bLength);
        }

        return new ArrowBuffer(memory);
    }

    private static (ArrowBuffer Offsets, long AStart, long AEnd, long BStart, long BEnd) Offsets(ArrayData a, ArrayData b, bool large)
    {
        var length = a.Length + b.Length;
        if (large)
        {
            var ao = a.Buffers[1].As<long>();
            var bo = b.Buffers[1].As<long>();
            long aStart = a.Length == 0 && ao.IsEmpty ? 0 : ao[a.Offset], aEnd = a.Length == 0 && ao.IsEmpty ? 0 : ao[a.Offset + a.Length];
            long bStart = b.Length == 0 && bo.IsEmpty ? 0 : bo[b.Offset], bEnd = b.Length == 0 && bo.IsEmpty ? 0 : bo[b.Offset + b.Length];
            var memory = BufferAllocator.Allocate((length + 1) * 8, zero: false);
            var dst = MemoryMarshal.Cast<byte, long>(memory.Span);
            for (var i = 0; i <= a.Length; i++)
            {
                dst[i] = a.Length == 0 ? 0 : ao[a.Offset + i] - aStart;
            }

            var baseOffset = aEnd - aStart;
            for (var i = 1; i <= b.Length; i++)
            {
                dst[a.Length + i] = baseOffset + bo[b.Offset + i] - bStart;
            }

            return (new ArrowBuffer(memory), aStart, aEnd, bStart, bEnd);
        }
        else
        {
            var ao = a.Buffers[1].As<int>();
            var bo = b.Buffers[1].As<int>();
            int aStart = a.Length == 0 && ao.IsEmpty ? 0 : ao[a.Offset], aEnd = a.Length == 0 && ao.IsEmpty ? 0 : ao[a.Offset + a.Length];
            int bStart = b.Length == 0 && bo.IsEmpty ? 0 : bo[b.Offset], bEnd = b.Length == 0 && bo.IsEmpty ? 0 : bo[b.Offset + b.Length];
            var memory = BufferAllocator.Allocate((length + 1) * 4, zero: false);
            var dst = MemoryMarshal.Cast<byte, int>(memory.Span);
            for (var i = 0; i <= a.Length; i++)
            {
                dst[i] = a.Length == 0 ? 0 : ao[a.Offset + i] - aStart;
            }

            var baseOffset = checked(aEnd - aStart);
            for (var i = 1; i <= b.Length; i++)
            {
                dst[a.Length + i] = checked(baseOffset + bo[b.Offset + i] - bStart);
            }

            return (new ArrowBuffer(memory), aStart, aEnd, bStart, bEnd);
        }
    }
}
