using System.Buffers.Binary;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Flatbuffers;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Turns one RecordBatch table plus its message body into <see cref="ArrayData"/> trees. Buffers are
/// zero-copy slices of the body; compressed buffers are decompressed into allocator memory. Walks the
/// FieldNode and Buffer vectors in schema depth-first order, checking every count and range.
/// </summary>
internal sealed class RecordBatchDecoder
{
    private const int MaxDepth = 64;
    private const int ParallelThreshold = 1 << 20;
    private readonly FlatVector _nodes;
    private readonly FlatVector _buffers;
    private readonly FlatVector _variadicCounts;
    private readonly ReadOnlyMemory<byte> _body;
    private readonly MetadataVersion _version;
    private readonly DictionaryMemo _memo;
    private readonly ArrowReadOptions _options;
    private readonly string? _source;
    private readonly long _bodyOffset;
    private readonly CompressionKind _compression;
    private int _nodeIndex;
    private int _bufferIndex;
    private int _variadicIndex;
    private ArrowBuffer?[]? _ready;

    public RecordBatchDecoder(FlatTable batch, ReadOnlyMemory<byte> body, MetadataVersion version, DictionaryMemo memo, ArrowReadOptions options, long bodyOffset)
    {
        _source = options.SourceName;
        if (!batch.IsPresent)
        {
            throw new CorruptFileException(_source, bodyOffset, "message has no RecordBatch table");
        }

        var length = batch.GetInt64(FlatSlots.BatchLength);
        if (length is < 0 or > int.MaxValue)
        {
            throw new CorruptFileException(_source, bodyOffset, $"record batch length {length} is out of range");
        }

        Length = (int)length;
        _nodes = batch.GetVector(FlatSlots.BatchNodes, 16);
        _buffers = batch.GetVector(FlatSlots.BatchBuffers, 16);
        _variadicCounts = batch.GetVector(FlatSlots.BatchVariadicCounts, 8);
        _body = body;
        _version = version;
        _memo = memo;
        _options = options;
        _bodyOffset = bodyOffset;
        var compression = batch.GetTable(FlatSlots.BatchCompression);
        _compression = CompressionKind.None;
        if (compression.IsPresent)
        {
            if (compression.GetByte(FlatSlots.CompressionMethod) != 0)
            {
                throw new NotSupportedException("Arrow IPC: only the BUFFER body compression method is supported");
            }

            _compression = compression.GetByte(FlatSlots.CompressionCodec) switch
            {
                0 => CompressionKind.Lz4Frame,
                1 => CompressionKind.Zstd,
                var c => throw new NotSupportedException($"Arrow IPC: unknown body compression codec {c}"),
            };
        }

        if (_compression != CompressionKind.None && body.Length >= ParallelThreshold && _buffers.Count > 1)
        {
            DecompressInParallel();
        }
    }

    public int Length { get; }

    /// <summary>
    /// For large compressed bodies, decompresses the buffers up front on all cores. Claims are bounded by a
    /// budget proportional to the body; anything out of budget, malformed or failing is left to the
    /// sequential walk, which applies the exact per-buffer bounds and reports errors with the field name.
    /// </summary>
    private void DecompressInParallel()
    {
        var span = _body.Span;
        var budget = Math.Min(_options.MaxDecompressedBufferBytes, (64L * _body.Length) + (16L << 20));
        var work = new List<(int Index, int Offset, int Length, int Uncompressed)>();
        for (var i = 0; i < _buffers.Count; i++)
        {
            var entry = _buffers.Element(i);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
            var length = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            if (offset < 0 || length < 8 || offset > _body.Length || length > _body.Length - offset)
            {
                continue;
            }

            var uncompressed = BinaryPrimitives.ReadInt64LittleEndian(span[(int)offset..]);
            if (uncompressed <= 0 || uncompressed > budget)
            {
                continue;
            }

            budget -= uncompressed;
            work.Add((i, (int)offset, (int)length, (int)uncompressed));
        }

        if (work.Count < 2)
        {
            return;
        }

        var ready = new ArrowBuffer?[_buffers.Count];
        var body = _body;
        var kind = _compression;
        Parallel.For(0, work.Count, w =>
        {
            var (index, offset, length, uncompressed) = work[w];
            var memory = BufferAllocator.Allocate(uncompressed, zero: false);
            try
            {
                CompressionCodecs.Decompress(kind, body.Span.Slice(offset + 8, length - 8), memory.Span);
                ready[index] = new ArrowBuffer(memory);
            }
            catch (Exception e) when (e is CorruptFileException or ArgumentException or InvalidOperationException)
            {
                // Left for the sequential walk, which reports it with the field's name.
            }
        });
        _ready = ready;
    }

    public CompressionKind Compression => _compression;

    public ArrayData Decode(Field field) => Decode(field, 0);

    private ArrayData Decode(Field field, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt($"field '{field.Name}' nests deeper than {MaxDepth} levels");
        }

        var (length, nullCount) = NextNode(field);
        var type = field.Type;
        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return new ArrayData(type, length, length, 0, []);
            case ArrowTypeId.Boolean:
            {
                var validity = Validity(field, length, nullCount);
                var values = NextBuffer(field, BitUtil.BytesForBits(length));
                return new ArrayData(type, length, nullCount, 0, [validity, values]);
            }

            case ArrowTypeId.Dictionary:
            {
                var dict = (DictionaryType)type;
                var validity = Validity(field, length, nullCount);
                var values = NextBuffer(field, (long)length * (dict.IndexType.BitWidth / 8));
                var id = field.DictionaryId ?? -1;
                if (!_memo.TryGet(id, out var dictionary))
                {
                    throw Corrupt($"field '{field.Name}' uses dictionary id {id} before any DictionaryBatch defined it");
                }

                return new ArrayData(type, length, nullCount, 0, [validity, values], null, dictionary);
            }

            case ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8:
            {
                var width = ((BinaryType)type).IsLarge ? 8 : 4;
                var validity = Validity(field, length, nullCount);
                var offsets = NextBuffer(field, ((long)length + 1) * width);
                var data = NextBuffer(field, LastOffset(offsets, length, width));
                return new ArrayData(type, length, nullCount, 0, [validity, offsets, data]);
            }

            case ArrowTypeId.BinaryView or ArrowTypeId.Utf8View:
            {
                var validity = Validity(field, length, nullCount);
                var views = NextBuffer(field, (long)length * 16);
                if (_variadicIndex >= _variadicCounts.Count)
                {
                    throw Corrupt($"field '{field.Name}': record batch lacks the variadic buffer count of this view column");
                }

                var count = _variadicCounts.GetInt64(_variadicIndex++);
                if (count < 0 || count > _buffers.Count - _bufferIndex)
                {
                    throw Corrupt($"field '{field.Name}': variadic buffer count {count} exceeds the buffers in the batch");
                }

                var buffers = new ArrowBuffer[2 + count];
                buffers[0] = validity;
                buffers[1] = views;
                for (var i = 2; i < buffers.Length; i++)
                {
                    buffers[i] = NextBuffer(field, -1);
                }

                return new ArrayData(type, length, nullCount, 0, buffers);
            }

            case ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Map:
            {
                var width = type is ListType { IsLarge: true } ? 8 : 4;
                var validity = Validity(field, length, nullCount);
                var offsets = NextBuffer(field, ((long)length + 1) * width);
                var child = Decode(SchemaWriter.ChildFields(type)[0], depth + 1);
                return new ArrayData(type, length, nullCount, 0, [validity, offsets], [child]);
            }

            case ArrowTypeId.ListView or ArrowTypeId.LargeListView:
            {
                var width = ((ListType)type).IsLarge ? 8 : 4;
                var validity = Validity(field, length, nullCount);
                var offsets = NextBuffer(field, (long)length * width);
                var sizes = NextBuffer(field, (long)length * width);
                var child = Decode(((ListType)type).ValueField, depth + 1);
                return new ArrayData(type, length, nullCount, 0, [validity, offsets, sizes], [child]);
            }

            case ArrowTypeId.FixedSizeList:
            {
                var validity = Validity(field, length, nullCount);
                var child = Decode(((FixedSizeListType)type).ValueField, depth + 1);
                return new ArrayData(type, length, nullCount, 0, [validity], [child]);
            }

            case ArrowTypeId.Struct:
            {
                var validity = Validity(field, length, nullCount);
                var children = DecodeChildren(((StructType)type).Fields, depth);
                return new ArrayData(type, length, nullCount, 0, [validity], children);
            }

            case ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion:
            {
                if (_version < MetadataVersion.V5)
                {
                    _ = NextBuffer(field, BitUtil.BytesForBits(length));
                }

                var typeIds = NextBuffer(field, length);
                var union = (UnionType)type;
                ArrowBuffer[] buffers = union.Mode == UnionMode.Dense
                    ? [ArrowBuffer.Empty, typeIds, NextBuffer(field, (long)length * 4)]
                    : [ArrowBuffer.Empty, typeIds];
                var children = DecodeChildren(union.Fields, depth);
                return new ArrayData(type, length, 0, 0, buffers, children);
            }

            case ArrowTypeId.RunEndEncoded:
            {
                var ree = (RunEndEncodedType)type;
                var runEnds = Decode(ree.RunEndsField, depth + 1);
                var values = Decode(ree.ValuesField, depth + 1);
                return new ArrayData(type, length, 0, 0, [], [runEnds, values]);
            }

            default:
            {
                // Fixed-width: integers, floats, decimals, dates, times, timestamps, durations, intervals, fixed_size_binary.
                var validity = Validity(field, length, nullCount);
                var width = type is FixedSizeBinaryType fsb ? fsb.ByteWidth : type.BitWidth / 8;
                var values = NextBuffer(field, (long)length * width);
                return new ArrayData(type, length, nullCount, 0, [validity, values]);
            }
        }
    }

    private ArrayData[] DecodeChildren(IReadOnlyList<Field> fields, int depth)
    {
        var children = new ArrayData[fields.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Decode(fields[i], depth + 1);
        }

        return children;
    }

    private (int Length, int NullCount) NextNode(Field field)
    {
        if (_nodeIndex >= _nodes.Count)
        {
            throw Corrupt($"field '{field.Name}': the record batch has fewer field nodes ({_nodes.Count}) than the schema needs");
        }

        var node = _nodes.Element(_nodeIndex++);
        var length = BinaryPrimitives.ReadInt64LittleEndian(node);
        var nullCount = BinaryPrimitives.ReadInt64LittleEndian(node[8..]);
        if (length is < 0 or > int.MaxValue)
        {
            throw Corrupt($"field '{field.Name}': length {length} is out of range");
        }

        if (nullCount < 0 || nullCount > length)
        {
            throw Corrupt($"field '{field.Name}': null count {nullCount} is outside 0..{length}");
        }

        return ((int)length, (int)nullCount);
    }

    private ArrowBuffer Validity(Field field, int length, int nullCount)
    {
        var buffer = NextBuffer(field, BitUtil.BytesForBits(length));
        return nullCount == 0 ? ArrowBuffer.Empty : buffer;
    }

    private static long LastOffset(ArrowBuffer offsets, int length, int width)
    {
        var end = ((long)length + 1) * width;
        if (length == 0 || offsets.Length < end)
        {
            return -1;
        }

        var span = offsets.Span.Slice((int)(end - width), width);
        return width == 4 ? BinaryPrimitives.ReadInt32LittleEndian(span) : BinaryPrimitives.ReadInt64LittleEndian(span);
    }

    /// <summary>The next body buffer; <paramref name="expectedLength"/> (or -1) bounds decompressed sizes.</summary>
    private ArrowBuffer NextBuffer(Field field, long expectedLength)
    {
        if (_bufferIndex >= _buffers.Count)
        {
            throw Corrupt($"field '{field.Name}': the record batch has fewer buffers ({_buffers.Count}) than the schema needs");
        }

        var entry = _buffers.Element(_bufferIndex++);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
        var length = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
        if (offset < 0 || length < 0 || offset > _body.Length || length > _body.Length - offset)
        {
            throw Corrupt($"field '{field.Name}': buffer {_bufferIndex - 1} [{offset}, +{length}) lies outside the message body of {_body.Length} bytes");
        }

        var slice = _body.Slice((int)offset, (int)length);
        if (_compression == CompressionKind.None || length == 0)
        {
            return new ArrowBuffer(slice);
        }

        if (length < 8)
        {
            throw Corrupt($"field '{field.Name}': compressed buffer {_bufferIndex - 1} is shorter than its 8-byte length prefix");
        }

        var uncompressed = BinaryPrimitives.ReadInt64LittleEndian(slice.Span);
        if (uncompressed == -1)
        {
            return new ArrowBuffer(slice[8..]);
        }

        var limit = expectedLength >= 0
            ? Math.Min(BitUtil.RoundUpToMultipleOf64(expectedLength) + 64, _options.MaxDecompressedBufferBytes)
            : Math.Min(_options.MaxDecompressedBufferBytes, ((length - 8) * 1024) + 65536);
        if (uncompressed < 0 || uncompressed > limit)
        {
            throw Corrupt($"field '{field.Name}': compressed buffer {_bufferIndex - 1} claims {uncompressed} uncompressed bytes (at most {limit} expected)");
        }

        if (_ready?[_bufferIndex - 1] is { } ready)
        {
            return ready;
        }

        var memory = BufferAllocator.Allocate((int)uncompressed, zero: false);
        try
        {
            CompressionCodecs.Decompress(_compression, slice.Span[8..], memory.Span);
        }
        catch (CorruptFileException e)
        {
            throw new CorruptFileException(_source, _bodyOffset + offset, $"field '{field.Name}': {_compression} buffer does not decompress: {e.Problem ?? e.Message}", e);
        }

        return new ArrowBuffer(memory);
    }

    private CorruptFileException Corrupt(string problem) => new(_source, _bodyOffset, problem);
}
