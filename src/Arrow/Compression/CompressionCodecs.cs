using System.Buffers.Binary;

using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// One entry point for every block codec. Compression writes into a caller-provided span sized with
/// <see cref="MaxCompressedLength"/>; decompression of a block whose decompressed size is known writes
/// exactly that many bytes or throws <see cref="CorruptFileException"/>.
/// </summary>
public static class CompressionCodecs
{
    /// <summary>Upper bound of the compressed size of <paramref name="inputLength"/> bytes.</summary>
    public static int MaxCompressedLength(CompressionKind kind, int inputLength) => kind switch
    {
        CompressionKind.None => inputLength,
        CompressionKind.Snappy => Snappy.MaxCompressedLength(inputLength),
        CompressionKind.Gzip => Gzip.MaxCompressedLength(inputLength),
        CompressionKind.Deflate => Deflate.MaxCompressedLength(inputLength),
        CompressionKind.Lz4Frame => Lz4Frame.MaxCompressedLength(inputLength),
        CompressionKind.Lz4Raw => Lz4Block.MaxCompressedLength(inputLength),
        CompressionKind.Lz4Hadoop => Lz4Hadoop.MaxCompressedLength(inputLength),
        CompressionKind.Zstd => Zstd.MaxCompressedLength(inputLength),
        CompressionKind.Brotli => Brotli.MaxCompressedLength(inputLength),
        _ => throw Unknown(kind),
    };

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>; returns bytes written.</summary>
    /// <param name="level">Codec-specific level; null for the codec's default.</param>
    public static int Compress(CompressionKind kind, ReadOnlySpan<byte> source, Span<byte> destination, int? level = null)
    {
        switch (kind)
        {
            case CompressionKind.None:
                source.CopyTo(destination);
                return source.Length;
            case CompressionKind.Snappy:
                return Snappy.Compress(source, destination);
            case CompressionKind.Gzip:
                return Gzip.Compress(source, destination, level);
            case CompressionKind.Deflate:
                return Deflate.Compress(source, destination, level);
            case CompressionKind.Lz4Frame:
                return Lz4Frame.Compress(source, destination);
            case CompressionKind.Lz4Raw:
                return Lz4Block.Compress(source, destination);
            case CompressionKind.Lz4Hadoop:
                return Lz4Hadoop.Compress(source, destination);
            case CompressionKind.Zstd:
                return Zstd.Compress(source, destination, level ?? Zstd.DefaultLevel);
            case CompressionKind.Brotli:
                return Brotli.Compress(source, destination, level);
            default:
                throw Unknown(kind);
        }
    }

    /// <summary>Decompresses a block whose decompressed length is exactly <paramref name="destination"/>.Length.</summary>
    public static void Decompress(CompressionKind kind, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty && destination.IsEmpty)
        {
            // Some writers store nothing at all for an empty buffer or page, whatever the codec.
            return;
        }

        switch (kind)
        {
            case CompressionKind.None:
                if (source.Length != destination.Length)
                {
                    CodecErrors.Corrupt("uncompressed", 0, $"block holds {source.Length} bytes, expected {destination.Length}");
                }

                source.CopyTo(destination);
                break;
            case CompressionKind.Snappy:
                Snappy.Decompress(source, destination);
                break;
            case CompressionKind.Gzip:
                Gzip.Decompress(source, destination);
                break;
            case CompressionKind.Deflate:
                Deflate.Decompress(source, destination);
                break;
            case CompressionKind.Lz4Frame:
                Lz4Frame.Decompress(source, destination);
                break;
            case CompressionKind.Lz4Raw:
                Lz4Block.Decompress(source, destination);
                break;
            case CompressionKind.Lz4Hadoop:
                Lz4Hadoop.Decompress(source, destination);
                break;
            case CompressionKind.Zstd:
                Zstd.Decompress(source, destination);
                break;
            case CompressionKind.Brotli:
                Brotli.Decompress(source, destination);
                break;
            default:
                throw Unknown(kind);
        }
    }

    /// <summary>
    /// Decompresses data whose decompressed size is not known up front (Avro blocks, for instance), appending
    /// to <paramref name="destination"/>. More than <paramref name="maxDecompressedLength"/> bytes is treated as
    /// corrupt, which bounds the memory a hostile input can claim. Returns the bytes appended.
    /// </summary>
    public static int DecompressUnknownLength(CompressionKind kind, ReadOnlySpan<byte> source, BufferBuilder destination, int maxDecompressedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecompressedLength);
        switch (kind)
        {
            case CompressionKind.None:
                if (source.Length > maxDecompressedLength)
                {
                    CodecErrors.Corrupt("uncompressed", 0, $"{source.Length} bytes exceed the limit of {maxDecompressedLength}");
                }

                destination.Append(source);
                return source.Length;
            case CompressionKind.Snappy:
            {
                var length = Snappy.GetUncompressedLength(source);
                if (length > maxDecompressedLength)
                {
                    CodecErrors.Corrupt("snappy", 0, $"block says {length} bytes, more than the limit of {maxDecompressedLength}");
                }

                Snappy.Decompress(source, destination.GetSpan(length)[..length]);
                destination.Advance(length);
                return length;
            }

            case CompressionKind.Gzip:
                return Gzip.DecompressUnknownLength(source, destination, maxDecompressedLength);
            case CompressionKind.Deflate:
                return Deflate.DecompressUnknownLength(source, destination, maxDecompressedLength);
            case CompressionKind.Brotli:
                return Brotli.DecompressUnknownLength(source, destination, maxDecompressedLength);
            case CompressionKind.Zstd:
                return Zstd.DecompressUnknownLength(source, destination, maxDecompressedLength);
            case CompressionKind.Lz4Frame or CompressionKind.Lz4Raw or CompressionKind.Lz4Hadoop:
                return Lz4UnknownLength(kind, source, destination, maxDecompressedLength);
            default:
                throw Unknown(kind);
        }
    }

    /// <summary>Compresses into a new array of exactly the compressed size (convenience for tests and cold paths).</summary>
    public static byte[] Compress(CompressionKind kind, ReadOnlySpan<byte> source, int? level = null)
    {
        var buffer = new byte[MaxCompressedLength(kind, source.Length)];
        var written = Compress(kind, source, buffer, level);
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Decompresses into a new array of <paramref name="decompressedLength"/> bytes.</summary>
    public static byte[] Decompress(CompressionKind kind, ReadOnlySpan<byte> source, int decompressedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decompressedLength);
        var buffer = new byte[decompressedLength];
        Decompress(kind, source, buffer);
        return buffer;
    }

    /// <summary>
    /// LZ4 output sizes are only sometimes recorded (frame content size, Hadoop chunk headers): decode into a
    /// growing window until the output fits, up to the limit (LZ4 expands at most 255-fold).
    /// </summary>
    private static int Lz4UnknownLength(CompressionKind kind, ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength)
    {
        var limit = (int)Math.Min(maxLength, ((long)source.Length * 255) + 64);
        var capacity = (int)Math.Min(limit, Math.Max(64 * 1024, (long)source.Length * 4));
        while (true)
        {
            var window = destination.GetSpan(capacity)[..capacity];
            try
            {
                var written = kind switch
                {
                    CompressionKind.Lz4Frame => Lz4Frame.Decompress(source, window, out _),
                    CompressionKind.Lz4Raw => Lz4Block.Decompress(source, window, 0, 0),
                    _ => Lz4HadoopLength(source, window),
                };
                destination.Advance(written);
                return written;
            }
            catch (CorruptFileException) when (capacity < limit)
            {
                // Possibly just too small a window: try a bigger one (the last attempt reports the problem).
                capacity = (int)Math.Min(limit, (long)capacity * 2);
            }
        }
    }

    private static int Lz4HadoopLength(ReadOnlySpan<byte> source, Span<byte> window)
    {
        // Writers put one block per chunk: then the chunk headers add up to the output size exactly.
        long total = 0;
        var ip = 0;
        while (source.Length - ip >= 8)
        {
            total += BinaryPrimitives.ReadUInt32BigEndian(source[ip..]);
            var blockLength = BinaryPrimitives.ReadUInt32BigEndian(source[(ip + 4)..]);
            if (blockLength > (uint)(source.Length - ip - 8))
            {
                break;
            }

            ip += 8 + (int)blockLength;
        }

        if (ip == source.Length && total <= window.Length && Lz4Hadoop.TryDecompressHadoop(source, window[..(int)total], out _))
        {
            return (int)total;
        }

        return Lz4Block.Decompress(source, window, 0, 0);
    }

    private static ArgumentOutOfRangeException Unknown(CompressionKind kind) =>
        new(nameof(kind), kind, "unknown compression kind");
}
