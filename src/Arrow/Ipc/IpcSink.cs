using System.Buffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Where the writers put bytes: a Stream or an IBufferWriter; counts the bytes written.</summary>
internal sealed class IpcSink
{
    private readonly Stream? _stream;
    private readonly IBufferWriter<byte>? _writer;

    public IpcSink(Stream stream) => _stream = stream;

    public IpcSink(IBufferWriter<byte> writer) => _writer = writer;

    public long Position { get; private set; }

    public Stream? Stream => _stream;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Write(bytes);
        }
        else
        {
            _writer!.Write(bytes);
        }

        Position += bytes.Length;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _writer!.Write(bytes.Span);
        }

        Position += bytes.Length;
    }

    /// <summary>Writes one encapsulated message; returns the bytes taken by prefix + padded metadata.</summary>
    public int WriteMessage(IpcEncodedMessage message)
    {
        Span<byte> prefix = stackalloc byte[8];
        var padded = Frame(message, prefix, out var pad);
        Write(prefix);
        Write(message.Metadata.Span);
        Write(Zeros[..pad]);
        foreach (var segment in message.BodySegments)
        {
            Write(segment.Span);
        }

        return 8 + padded;
    }

    public async ValueTask<int> WriteMessageAsync(IpcEncodedMessage message, CancellationToken cancellationToken)
    {
        var prefix = new byte[8];
        var padded = Frame(message, prefix, out var pad);
        await WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        await WriteAsync(message.Metadata, cancellationToken).ConfigureAwait(false);
        await WriteAsync(s_zeros.AsMemory(0, pad), cancellationToken).ConfigureAwait(false);
        foreach (var segment in message.BodySegments)
        {
            await WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        return 8 + padded;
    }

    private static readonly byte[] s_zeros = new byte[8];

    private static ReadOnlySpan<byte> Zeros => s_zeros;

    private static int Frame(IpcEncodedMessage message, Span<byte> prefix, out int pad)
    {
        var padded = (int)((message.Metadata.Length + 7) & ~7L);
        pad = padded - message.Metadata.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(prefix, 0xFFFFFFFF);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], padded);
        return padded;
    }

    public void WriteEndOfStream()
    {
        Span<byte> eos = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];
        Write(eos);
    }

    public ValueTask WriteEndOfStreamAsync(CancellationToken cancellationToken) =>
        WriteAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0 }, cancellationToken);
}
