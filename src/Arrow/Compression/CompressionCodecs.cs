namespace Lakehouse.Arrow.Compression;

/// <summary>
/// One entry point for every block codec. Compression writes into a caller-provided span sized with
/// <see cref="MaxCompressedLength"/>; decompression of a block whose decompressed size is known writes
/// exactly that many bytes or throws <see cref="CorruptFileException"/>.
/// </summary>
public static class CompressionCodecs
{
    /// <summary>Upper bound of the compressed size of <paramref name="inputLength"/> bytes.</summary>
    public static int MaxCompressedLength(CompressionKind kind, int inputLength) =>
        throw new NotImplementedException("compression codecs arrive with the codec work");

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>; returns bytes written.</summary>
    /// <param name="level">Codec-specific level; null for the codec's default.</param>
    public static int Compress(CompressionKind kind, ReadOnlySpan<byte> source, Span<byte> destination, int? level = null) =>
        throw new NotImplementedException("compression codecs arrive with the codec work");

    /// <summary>Decompresses a block whose decompressed length is exactly <paramref name="destination"/>.Length.</summary>
    public static void Decompress(CompressionKind kind, ReadOnlySpan<byte> source, Span<byte> destination) =>
        throw new NotImplementedException("compression codecs arrive with the codec work");
}
