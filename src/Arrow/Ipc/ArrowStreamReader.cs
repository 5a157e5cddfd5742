using System.Buffers.Binary;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Reads the Arrow IPC streaming format: encapsulated messages (continuation marker 0xFFFFFFFF + int32
/// metadata length, or the pre-0.15 framing with only the length), Schema first, then dictionary and
/// record batches, until the end-of-stream marker or the end of the input. Over in-memory bytes the
/// batches' buffers are zero-copy slices of the input; over a Stream each message body is read into one
/// aligned pinned array that the buffers slice.
/// </summary>
public sealed class ArrowStreamReader : IArrowBatchReader
{
    private const uint Continuation = 0xFFFFFFFF;
    private readonly Stream? _stream;
    private readonly ReadOnlyMemory<byte> _memory;
    private readonly bool _leaveOpen;
    private readonly ArrowReadOptions _options;
    private readonly IpcMessageDecoder _decoder;
    private readonly byte[] _prefix = new byte[8];
    private long _position;
    private bool _finished;

    public ArrowStreamReader(Stream stream, ArrowReadOptions? options = null, bool leaveOpen = false)
    {
        _options = options ?? ArrowReadOptions.Default;
        _decoder = new IpcMessageDecoder(_options);
        _leaveOpen = leaveOpen;
        if (stream is MemoryStream ms && ms.TryGetBuffer(out var segment))
        {
            _memory = segment.AsMemory((int)ms.Position);
            _leaveOpen = true;
        }
        else
        {
            _stream = stream;
        }
    }

    /// <summary>Reads a stream held in memory; record batch buffers are slices of <paramref name="bytes"/>.</summary>
    public ArrowStreamReader(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null)
    {
        _options = options ?? ArrowReadOptions.Default;
        _decoder = new IpcMessageDecoder(_options);
        _memory = bytes;
        _leaveOpen = true;
    }

    public Schema Schema
    {
        get
        {
            if (_decoder.Schema is null)
            {
                ReadSchema();
            }

            return _decoder.Schema!;
        }
    }

    public async ValueTask<Schema> GetSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_decoder.Schema is null)
        {
            var message = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            ProcessSchema(message);
        }

        return _decoder.Schema!;
    }

    private void ReadSchema() => ProcessSchema(ReadMessage());

    private void ProcessSchema(RawMessage? message)
    {
        if (message is not { } m)
        {
            throw new CorruptFileException(_options.SourceName, _position, "stream ends before its Schema message");
        }

        if (_decoder.Decode(m.Metadata, m.Body, m.Offset, out _) != IpcMessageKind.Schema)
        {
            throw new CorruptFileException(_options.SourceName, m.Offset, "stream does not start with a Schema message");
        }
    }

    public RecordBatch? ReadNextBatch()
    {
        if (_decoder.Schema is null)
        {
            ReadSchema();
        }

        while (true)
        {
            var message = ReadMessage();
            if (message is not { } m)
            {
                return null;
            }

            if (Process(m) is { } batch)
            {
                return batch;
            }
        }
    }

    public async ValueTask<RecordBatch?> ReadNextBatchAsync(CancellationToken cancellationToken = default)
    {
        if (_decoder.Schema is null)
        {
            await GetSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var message = await ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            if (message is not { } m)
            {
                return null;
            }

            if (Process(m) is { } batch)
            {
                return batch;
            }
        }
    }

    private RecordBatch? Process(RawMessage m)
    {
        var kind = _decoder.Decode(m.Metadata, m.Body, m.Offset, out var batch);
        if (kind == IpcMessageKind.Schema)
        {
            throw new CorruptFileException(_options.SourceName, m.Offset, "a second Schema message in one stream");
        }

        return batch;
    }

    private readonly record struct RawMessage(ReadOnlyMemory<byte> Metadata, ReadOnlyMemory<byte> Body, long Offset);

    /// <summary>Interprets a framing prefix: returns the metadata length (0 = end of stream) and how many prefix bytes it used.</summary>
    private int MetadataLength(ReadOnlySpan<byte> prefix, out int prefixLength)
    {
        var first = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        int length;
        if (first == Continuation)
        {
            length = BinaryPrimitives.ReadInt32LittleEndian(prefix[4..]);
            prefixLength = 8;
        }
        else
        {
            length = (int)first;
            prefixLength = 4;
        }

        if (length < 0)
        {
            throw new CorruptFileException(_options.SourceName, _position, $"negative message length {length}");
        }

        return length;
    }

    private RawMessage? ReadMessage()
    {
        if (_finished)
        {
            return null;
        }

        if (_stream is null)
        {
            return ReadMessageFromMemory();
        }

        var offset = _position;
        var got = ReadUpTo(_prefix.AsSpan(0, 4));
        if (got == 0)
        {
            _finished = true;
            return null;
        }

        if (got < 4)
        {
            throw Truncated("message length");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(_prefix) == Continuation)
        {
            if (ReadUpTo(_prefix.AsSpan(4, 4)) < 4)
            {
                throw Truncated("message length");
            }
        }

        var length = MetadataLength(_prefix, out _);
        if (length == 0)
        {
            _finished = true;
            return null;
        }

        var metadata = ReadBlock(length, out var filled);
        if (filled < length)
        {
            throw Truncated("message metadata");
        }

        var message = ParsedMessage.Parse(metadata, _options.SourceName, offset);
        var body = ReadBlock(message.BodyLength, out filled);
        if (filled < message.BodyLength)
        {
            throw Truncated("message body");
        }

        return new RawMessage(metadata, body, offset);
    }

    private async ValueTask<RawMessage?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        if (_stream is null)
        {
            return ReadMessageFromMemory();
        }

        var offset = _position;
        var got = await ReadUpToAsync(_prefix.AsMemory(0, 4), cancellationToken).ConfigureAwait(false);
        if (got == 0)
        {
            _finished = true;
            return null;
        }

        if (got < 4)
        {
            throw Truncated("message length");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(_prefix) == Continuation
            && await ReadUpToAsync(_prefix.AsMemory(4, 4), cancellationToken).ConfigureAwait(false) < 4)
        {
            throw Truncated("message length");
        }

        var length = MetadataLength(_prefix, out _);
        if (length == 0)
        {
            _finished = true;
            return null;
        }

        var (metadata, filled) = await ReadBlockAsync(length, cancellationToken).ConfigureAwait(false);
        if (filled < length)
        {
            throw Truncated("message metadata");
        }

        var message = ParsedMessage.Parse(metadata, _options.SourceName, offset);
        (var body, filled) = await ReadBlockAsync(message.BodyLength, cancellationToken).ConfigureAwait(false);
        if (filled < message.BodyLength)
        {
            throw Truncated("message body");
        }

        return new RawMessage(metadata, body, offset);
    }

    private RawMessage? ReadMessageFromMemory()
    {
        var offset = _position;
        var remaining = _memory.Length - _position;
        if (remaining == 0)
        {
            _finished = true;
            return null;
        }

        var span = _memory.Span[(int)_position..];
        if (remaining < 4 || (BinaryPrimitives.ReadUInt32LittleEndian(span) == Continuation && remaining < 8))
        {
            throw Truncated("message length");
        }

        var length = MetadataLength(span, out var prefixLength);
        _position += prefixLength;
        if (length == 0)
        {
            _finished = true;
            return null;
        }

        if (length > _memory.Length - _position)
        {
            throw Truncated("message metadata");
        }

        var metadata = _memory.Slice((int)_position, length);
        _position += length;
        var message = ParsedMessage.Parse(metadata, _options.SourceName, offset);
        if (message.BodyLength > _memory.Length - _position)
        {
            throw Truncated("message body");
        }

        var body = _memory.Slice((int)_position, (int)message.BodyLength);
        _position += message.BodyLength;
        return new RawMessage(metadata, body, offset);
    }

    private CorruptFileException Truncated(string what) =>
        new(_options.SourceName, _position, $"stream is truncated inside the {what}");

    private int ReadUpTo(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = _stream!.Read(destination[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        _position += total;
        return total;
    }

    private async ValueTask<int> ReadUpToAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var n = await _stream!.ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        _position += total;
        return total;
    }

    /// <summary>Initial allocation for a block: exact when the stream's remaining length is known, else capped so a corrupt length cannot force a huge allocation.</summary>
    private int InitialCapacity(long length)
    {
        if (_stream!.CanSeek)
        {
            var remaining = _stream.Length - _stream.Position;
            return (int)Math.Min(length, Math.Max(remaining, 0));
        }

        return (int)Math.Min(length, 1 << 20);
    }

    private ReadOnlyMemory<byte> ReadBlock(long length, out long filled)
    {
        if (length == 0)
        {
            filled = 0;
            return ReadOnlyMemory<byte>.Empty;
        }

        var capacity = InitialCapacity(length);
        var memory = BufferAllocator.Allocate(capacity, zero: false);
        filled = 0;
        while (true)
        {
            var n = ReadUpTo(memory.Span[(int)filled..]);
            filled += n;
            if (filled == length || n == 0 || filled < memory.Length)
            {
                break;
            }

            memory = Grow(memory, length);
        }

        return memory[..(int)filled];
    }

    private async ValueTask<(ReadOnlyMemory<byte> Block, long Filled)> ReadBlockAsync(long length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, 0);
        }

        var capacity = InitialCapacity(length);
        var memory = BufferAllocator.Allocate(capacity, zero: false);
        long filled = 0;
        while (true)
        {
            var n = await ReadUpToAsync(memory[(int)filled..], cancellationToken).ConfigureAwait(false);
            filled += n;
            if (filled == length || n == 0 || filled < memory.Length)
            {
                break;
            }

            memory = Grow(memory, length);
        }

        return (memory[..(int)filled], filled);
    }

    private static Memory<byte> Grow(Memory<byte> memory, long length)
    {
        var bigger = BufferAllocator.Allocate((int)Math.Min(length, (long)memory.Length * 2), zero: false);
        memory.CopyTo(bigger);
        return bigger;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream?.Dispose();
        }
    }
}
