using System.IO.Compression;

using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>Raw deflate (RFC 1951, Avro "deflate") through System.IO.Compression.</summary>
public static class Deflate
{
    private const string Codec = "deflate";

    public static int MaxCompressedLength(int inputLength) => StreamCodec.DeflateBound(inputLength, 0);

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int? level = null)
    {
        if (source.IsEmpty)
        {
            // One final fixed-Huffman block holding only end-of-block (the framework writes nothing).
            if (destination.Length < 2)
            {
                CodecErrors.DestinationTooSmall(Codec, 2, destination.Length);
            }

            destination[0] = 3;
            destination[1] = 0;
            return 2;
        }

        return StreamCodec.Compress(source, destination, s => new DeflateStream(s, ToLevel(level), leaveOpen: true), Codec);
    }

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination) =>
        StreamCodec.Decompress(source, destination, s => new DeflateStream(s, CompressionMode.Decompress, leaveOpen: true), Codec);

    /// <summary>Decompresses a stream of unknown size, appending at most <paramref name="maxLength"/> bytes.</summary>
    public static int DecompressUnknownLength(ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength) =>
        StreamCodec.DecompressUnknownLength(source, destination, maxLength, s => new DeflateStream(s, CompressionMode.Decompress, leaveOpen: true), Codec);

    /// <summary>Maps a zlib-style level (0-9) to the framework's levels; null is the default (Optimal).</summary>
    internal static CompressionLevel ToLevel(int? level) => level switch
    {
        null => CompressionLevel.Optimal,
        0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        <= 7 => CompressionLevel.Optimal,
        _ => CompressionLevel.SmallestSize,
    };
}
