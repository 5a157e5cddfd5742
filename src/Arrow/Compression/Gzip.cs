using System.Buffers.Binary;
using System.IO.Compression;

using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>gzip (RFC 1952) through System.IO.Compression; reading accepts several concatenated members.</summary>
public static class Gzip
{
    private const string Codec = "gzip";

    public static int MaxCompressedLength(int inputLength) => StreamCodec.DeflateBound(inputLength, 18);

    /// <summary>A complete member holding no data (the framework writes nothing at all for empty input).</summary>
    private static ReadOnlySpan<byte> EmptyMember => [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int? level = null)
    {
        if (source.IsEmpty)
        {
            if (destination.Length < EmptyMember.Length)
            {
                CodecErrors.DestinationTooSmall(Codec, EmptyMember.Length, destination.Length);
            }

            EmptyMember.CopyTo(destination);
            return EmptyMember.Length;
        }

        return StreamCodec.Compress(source, destination, s => new GZipStream(s, Deflate.ToLevel(level), leaveOpen: true), Codec);
    }

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty && destination.IsEmpty)
        {
            // Some writers emit nothing at all for an empty page.
            return;
        }

        StreamCodec.Decompress(source, destination, s => new GZipStream(s, CompressionMode.Decompress, leaveOpen: true), Codec);
        CheckLastTrailer(source, destination);
    }

    /// <summary>Decompresses gzip members of unknown total size, appending at most <paramref name="maxLength"/> bytes.</summary>
    public static int DecompressUnknownLength(ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength)
    {
        var start = destination.Length;
        var written = StreamCodec.DecompressUnknownLength(source, destination, maxLength, s => new GZipStream(s, CompressionMode.Decompress, leaveOpen: true), Codec);
        CheckLastTrailer(source, destination.WrittenSpan[start..]);
        return written;
    }

    private static void CheckLastTrailer(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination)
    {
        // The framework stops quietly when a member's trailer is cut off. The last member's trailer (CRC-32
        // and length of its data) covers the last ISIZE bytes of the output: check it ourselves.
        if (source.Length < 18)
        {
            CodecErrors.Corrupt(Codec, source.Length, "input shorter than a gzip member");
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(source[^8..]);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(source[^4..]);
        if (size > (uint)destination.Length || Crc32.Compute(destination[^(int)size..]) != crc)
        {
            CodecErrors.Corrupt(Codec, source.Length - 8, "last member's trailer (CRC-32 and length) does not match its data");
        }
    }
}
