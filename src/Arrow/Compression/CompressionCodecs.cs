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

    private static ArgumentOutOfRangeException Unknown(CompressionKind kind) =>
        new(nameof(kind), kind, "unknown compression kind");
}
