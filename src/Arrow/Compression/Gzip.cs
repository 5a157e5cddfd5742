using System.IO.Compression;

namespace Lakehouse.Arrow.Compression;

/// <summary>gzip (RFC 1952) through System.IO.Compression; reading accepts several concatenated members.</summary>
public static class Gzip
{
    private const string Codec = "gzip";

    public static int MaxCompressedLength(int inputLength) => StreamCodec.DeflateBound(inputLength, 18);

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int? level = null) =>
        StreamCodec.Compress(source, destination, s => new GZipStream(s, Deflate.ToLevel(level), leaveOpen: true), Codec);

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        StreamCodec.Decompress(source, destination, s => new GZipStream(s, CompressionMode.Decompress, leaveOpen: true), Codec);
}
