using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Collects the FieldNodes, Buffers and body segments of one record or dictionary batch from array data.
/// Sliced arrays are normalized to the offset-free IPC layout: bitmaps are re-aligned (zero-copy when the
/// offset is a multiple of 8), offsets are rebased, children are cut to the referenced range. Buffers are
/// optionally compressed; a buffer that does not shrink is stored raw with the -1 length prefix.
/// </summary>
internal sealed class BodyBuilder
{
    private const long ParallelThreshold = 1 << 20;
    private static readonly byte[] s_zeros = new byte[8];
    private readonly List<ReadOnlyMemory<byte>> _raw = [];
    private bool _sealed;
    private readonly CompressionKind _compression;
    private readonly int? _level;

    public BodyBuilder(CompressionKind compression, int? level)
    {
        if (compression is not (CompressionKind.None or CompressionKind.Lz4Frame or CompressionKind.Zstd))
        {
            throw new NotSupportedException($"Arrow IPC body compression must be LZ4_FRAME or ZSTD, not {compression}");
        }

        _compression = compression;
        _level = level;
    }

    public List<long> NodeLengths { get; } = [];

    public List<long> NodeNulls { get; } = [];

    public List<long> BufferOffsets { get; } = [];

    public List<long> BufferLengths { get; } = [];

    public List<long> VariadicCounts { get; } = [];

    public List<ReadOnlyMemory<byte>> Segments { get; } = [];

    public long BodyLength { get; private set; }

    public CompressionKind Compression => _compression;

    public void AddArray(ArrayData data)
    {
        var type = data.Type;
        NodeLengths.Add(data.Length);
        NodeNulls.Add(type.Id is ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion or ArrowTypeId.RunEndEncoded ? 0 : data.NullCount);
        int offset = data.Offset, length = data.Length;
        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return;
            case ArrowTypeId.Boolean:
                AddValidity(data);
                AddBuffer(Bits(data.Buffers[1], offset, length));
                return;
            case ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8:
            {
                AddValidity(data);
                var (start, end) = AddOffsets(data, ((BinaryType)type).IsLarge ? 8 : 4);
                AddBuffer(data.Buffers[2].Memory[(int)start..(int)end]);
                return;
            }

            case ArrowTypeId.BinaryView or ArrowTypeId.Utf8View:
                AddValidity(data);
                AddBuffer(data.Buffers[1].Memory.Slice(offset * 16, length * 16));
                VariadicCounts.Add(data.Buffers.Length - 2);
                for (var i = 2; i < data.Buffers.Length; i++)
                {
                    AddBuffer(data.Buffers[i].Memory);
                }

                return;
            case ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Map:
            {
                AddValidity(data);
                var (start, end) = AddOffsets(data, type.Id == ArrowTypeId.LargeList ? 8 : 4);
                AddArray(data.Children[0].Slice(checked((int)start), checked((int)(end - start))));
                return;
            }

            case ArrowTypeId.ListView or ArrowTypeId.LargeListView:
            {
                var width = ((ListType)type).IsLarge ? 8 : 4;
                AddValidity(data);
                AddBuffer(data.Buffers[1].Memory.Slice(offset * width, length * width));
                AddBuffer(data.Buffers[2].Memory.Slice(offset * width, length * width));
                AddArray(data.Children[0]);
                return;
            }

            case ArrowTypeId.FixedSizeList:
            {
                var size = ((FixedSizeListType)type).ListSize;
                AddValidity(data);
                AddArray(data.Children[0].Slice(offset * size, length * size));
                return;
            }

            case ArrowTypeId.Struct:
                AddValidity(data);
                foreach (var child in data.Children)
                {
                    AddArray(child.Slice(offset, length));
                }

                return;
            case ArrowTypeId.SparseUnion:
                AddBuffer(data.Buffers[1].Memory.Slice(offset, length));
                foreach (var child in data.Children)
                {
                    AddArray(child.Slice(offset, length));
                }

                return;
            case ArrowTypeId.DenseUnion:
                AddBuffer(data.Buffers[1].Memory.Slice(offset, length));
                AddBuffer(data.Buffers[2].Memory.Slice(offset * 4, length * 4));
                foreach (var child in data.Children)
                {
                    AddArray(child);
                }

                return;
            case ArrowTypeId.RunEndEncoded:
                if (offset == 0)
                {
                    AddArray(data.Children[0]);
                    AddArray(data.Children[1]);
                }
                else
                {
                    var (runEnds, values) = SliceRuns(data);
                    AddArray(runEnds);
                    AddArray(values);
                }

                return;
            case ArrowTypeId.Dictionary:
            {
                var width = ((DictionaryType)type).IndexType.BitWidth / 8;
                AddValidity(data);
                AddBuffer(data.Buffers[1].Memory.Slice(offset * width, length * width));
                return;
            }

            default:
            {
                var width = type is FixedSizeBinaryType fsb ? fsb.ByteWidth : type.BitWidth / 8;
                AddValidity(data);
                AddBuffer(data.Buffers[1].Memory.Slice(offset * width, length * width));
                return;
            }
        }
    }

    /// <summary>
    /// IPC has no offset for run-end encoded arrays: cut the runs that cover [Offset, Offset + Length) and
    /// rebase their ends to the slice.
    /// </summary>
    private static (ArrayData RunEnds, ArrayData Values) SliceRuns(ArrayData data)
    {
        var runEnds = data.Children[0];
        var width = runEnds.Type.BitWidth / 8;
        var span = runEnds.Buffers[1].Span.Slice(runEnds.Offset * width, runEnds.Length * width);
        long start = data.Offset, end = (long)data.Offset + data.Length;
        var first = 0;
        while (first < runEnds.Length && RunEnd(span, first, width) <= start)
        {
            first++;
        }

        var last = first;
        while (last < runEnds.Length - 1 && RunEnd(span, last, width) < end)
        {
            last++;
        }

        var count = data.Length == 0 ? 0 : last - first + 1;
        var rebased = BufferAllocator.Allocate(count * width, zero: false);
        for (var k = 0; k < count; k++)
        {
            var value = Math.Min(RunEnd(span, first + k, width), end) - start;
            var dst = rebased.Span.Slice(k * width, width);
            switch (width)
            {
                case 2:
                    BinaryPrimitives.WriteInt16LittleEndian(dst, (short)value);
                    break;
                case 4:
                    BinaryPrimitives.WriteInt32LittleEndian(dst, (int)value);
                    break;
                default:
                    BinaryPrimitives.WriteInt64LittleEndian(dst, value);
                    break;
            }
        }

        var runEndsData = new ArrayData(runEnds.Type, count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(rebased)]);
        return (runEndsData, data.Children[1].Slice(first, count));
    }

    private static long RunEnd(ReadOnlySpan<byte> span, int index, int width) => width switch
    {
        2 => BinaryPrimitives.ReadInt16LittleEndian(span[(index * 2)..]),
        4 => BinaryPrimitives.ReadInt32LittleEndian(span[(index * 4)..]),
        _ => BinaryPrimitives.ReadInt64LittleEndian(span[(index * 8)..]),
    };

    private void AddValidity(ArrayData data)
    {
        if (data.NullCount == 0 || data.Validity.IsEmpty)
        {
            AddBuffer(ReadOnlyMemory<byte>.Empty);
            return;
        }

        AddBuffer(Bits(data.Validity, data.Offset, data.Length));
    }

    private static ReadOnlyMemory<byte> Bits(ArrowBuffer bits, int offset, int length)
    {
        var bytes = BitUtil.BytesForBits(length);
        if ((offset & 7) == 0)
        {
            return bits.Memory.Slice(offset >> 3, bytes);
        }

        var copy = BufferAllocator.Allocate(bytes);
        BitUtil.CopyBits(bits.Span, offset, copy.Span, 0, length);
        return copy;
    }

    /// <summary>Adds the offsets of [Offset, Offset + Length] rebased to start at 0; returns the referenced range.</summary>
    private (long Start, long End) AddOffsets(ArrayData data, int width)
    {
        var source = data.Buffers[1];
        if (data.Length == 0)
        {
            AddBuffer(s_zeros.AsMemory(0, width));
            return (0, 0);
        }

        var slice = source.Memory.Slice(data.Offset * width, (data.Length + 1) * width);
        long start, end;
        if (width == 4)
        {
            var o = MemoryMarshal.Cast<byte, int>(slice.Span);
            start = o[0];
            end = o[^1];
            if (start != 0)
            {
                var copy = BufferAllocator.Allocate(slice.Length, zero: false);
                var dst = MemoryMarshal.Cast<byte, int>(copy.Span);
                for (var i = 0; i < o.Length; i++)
                {
                    dst[i] = o[i] - (int)start;
                }

                slice = copy;
            }
        }
        else
        {
            var o = MemoryMarshal.Cast<byte, long>(slice.Span);
            start = o[0];
            end = o[^1];
            if (start != 0)
            {
                var copy = BufferAllocator.Allocate(slice.Length, zero: false);
                var dst = MemoryMarshal.Cast<byte, long>(copy.Span);
                for (var i = 0; i < o.Length; i++)
                {
                    dst[i] = o[i] - start;
                }

                slice = copy;
            }
        }

        AddBuffer(slice);
        return (start, end);
    }

    /// <summary>Queues one body buffer (compressed later, in <see cref="Seal"/>).</summary>
    public void AddBuffer(ReadOnlyMemory<byte> bytes) => _raw.Add(bytes);

    /// <summary>
    /// Lays out the body: compresses the queued buffers (in parallel across buffers when there is enough
    /// work for both cores), prefixes each with its uncompressed length (-1 when stored raw because
    /// compression did not shrink it), pads every buffer to 8 bytes and records offsets and lengths.
    /// </summary>
    public void Seal()
    {
        if (_sealed)
        {
            return;
        }

        _sealed = true;
        var compressed = new (byte[]? Output, int Written)[_raw.Count];
        if (_compression != CompressionKind.None)
        {
            long total = 0;
            foreach (var r in _raw)
            {
                total += r.Length;
            }

            if (total >= ParallelThreshold && _raw.Count > 1)
            {
                Parallel.For(0, _raw.Count, i => compressed[i] = Compress(_raw[i]));
            }
            else
            {
                for (var i = 0; i < _raw.Count; i++)
                {
                    compressed[i] = Compress(_raw[i]);
                }
            }
        }

        for (var i = 0; i < _raw.Count; i++)
        {
            var bytes = _raw[i];
            var start = BodyLength;
            if (_compression == CompressionKind.None || bytes.Length == 0)
            {
                Append(bytes);
            }
            else
            {
                var (output, written) = compressed[i];
                if (written < bytes.Length)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(output, bytes.Length);
                    Append(output.AsMemory(0, 8 + written));
                }
                else
                {
                    BinaryPrimitives.WriteInt64LittleEndian(output, -1);
                    Append(output.AsMemory(0, 8));
                    Append(bytes);
                }
            }

            BufferOffsets.Add(start);
            BufferLengths.Add(BodyLength - start);
            var pad = (int)(BitUtil.RoundUpToMultipleOf8(BodyLength) - BodyLength);
            if (pad > 0)
            {
                Append(s_zeros.AsMemory(0, pad));
            }
        }
    }

    private (byte[]? Output, int Written) Compress(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, 0);
        }

        var output = new byte[8 + CompressionCodecs.MaxCompressedLength(_compression, bytes.Length)];
        return (output, CompressionCodecs.Compress(_compression, bytes.Span, output.AsSpan(8), _level));
    }

    private void Append(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > 0)
        {
            Segments.Add(bytes);
            BodyLength += bytes.Length;
        }
    }
}
