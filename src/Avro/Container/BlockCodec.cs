using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Avro.Container;

/// <summary>
/// Compresses and decompresses container file blocks. Decompressed sizes are bounded before anything is
/// allocated: snappy declares its size (checked against the codec's largest possible expansion and the
/// reader's limit); deflate and zstd output grows on demand inside the shared codecs, up to the limit.
/// </summary>
internal static class BlockCodec
{
    /// <summary>A snappy element of n bytes yields at most 64 bytes (copy with 2-byte offset: 3 bytes -> 64).</summary>
    private const long SnappyMaxRatio = 22;

    /// <summary>Decompresses <paramref name="data"/> into <paramref name="buffer"/> (grown as needed); returns the length.</summary>
    public static int Decompress(AvroCodec codec, ReadOnlyMemory<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        try
        {
            return codec switch
            {
                AvroCodec.Deflate => DecompressUnknownLength(CompressionKind.Deflate, data.Span, ref buffer, maxLength, source, offset),
                AvroCodec.Snappy => Unsnappy(data.Span, ref buffer, maxLength, source, offset),
                AvroCodec.Zstandard => DecompressUnknownLength(CompressionKind.Zstd, data.Span, ref buffer, maxLength, source, offset),
                _ => throw new InvalidOperationException("null codec needs no decompression"),
            };
        }
        catch (Exception e) when (e is not (CorruptFileException or NotImplementedException or OutOfMemoryException or DllNotFoundException or EntryPointNotFoundException))
        {
            throw new CorruptFileException(source, offset, $"{AvroContainer.CodecName(codec)} block does not decompress: {e.Message}", e);
        }
    }

    /// <summary>Appends the compressed form of <paramref name="data"/> to <paramref name="output"/>; returns its length.</summary>
    public static int Compress(AvroCodec codec, ReadOnlySpan<byte> data, ArrayBufferWriter<byte> output, int? level)
    {
        switch (codec)
        {
            case AvroCodec.Null:
                output.Write(data);
                return data.Length;
            case AvroCodec.Deflate:
                var before = output.WrittenCount;
                using (var stream = new BufferWriterStream(output))
                using (var deflate = new DeflateStream(stream, ToLevel(level), leaveOpen: true))
                {
                    deflate.Write(data);
                }

                return output.WrittenCount - before;
            case AvroCodec.Snappy:
                var maxSnappy = CompressionCodecs.MaxCompressedLength(CompressionKind.Snappy, data.Length);
                var span = output.GetSpan(maxSnappy + 4);
                var n = CompressionCodecs.Compress(CompressionKind.Snappy, data, span[..maxSnappy], level);
                BinaryPrimitives.WriteUInt32BigEndian(span[n..], Crc32.Compute(data));
                output.Advance(n + 4);
                return n + 4;
            case AvroCodec.Zstandard:
                var maxZstd = CompressionCodecs.MaxCompressedLength(CompressionKind.Zstd, data.Length);
                var z = CompressionCodecs.Compress(CompressionKind.Zstd, data, output.GetSpan(maxZstd)[..maxZstd], level);
                output.Advance(z);
                return z;
            default:
                throw new ArgumentOutOfRangeException(nameof(codec));
        }
    }

    private static CompressionLevel ToLevel(int? level) => level switch
    {
        null => CompressionLevel.Optimal,
        <= 0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        >= 9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };

    /// <summary>
    /// Deflate and zstd blocks do not always record their decompressed size (Java's streaming zstd writer omits
    /// it): the shared codecs decompress into a growing buffer bounded by the reader's limit.
    /// </summary>
    private static int DecompressUnknownLength(CompressionKind kind, ReadOnlySpan<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        var output = new BufferBuilder(Math.Min(maxLength, Math.Max(256, data.Length * 4)));
        try
        {
            CompressionCodecs.DecompressUnknownLength(kind, data, output, maxLength);
        }
        catch (CorruptFileException e)
        {
            throw new CorruptFileException(source, offset, $"{(kind == CompressionKind.Zstd ? "zstandard" : "deflate")} block: {e.Problem ?? e.Message}", e);
        }

        var length = output.Length;
        EnsureSize(ref buffer, length);
        output.WrittenSpan.CopyTo(buffer);
        return length;
    }

    private static int Unsnappy(ReadOnlySpan<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        if (data.Length < 5)
        {
            throw new CorruptFileException(source, offset, "snappy block shorter than its CRC");
        }

        var compressed = data[..^4];
        var expectedCrc = BinaryPrimitives.ReadUInt32BigEndian(data[^4..]);

        // The uncompressed length is the block's leading varint (little-endian base 128, at most 32 bits).
        ulong length = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if (i >= compressed.Length || shift > 28)
            {
                throw new CorruptFileException(source, offset, "snappy block has a bad length preamble");
            }

            var b = compressed[i++];
            length |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        if (length > (ulong)Math.Min(maxLength, (compressed.Length * SnappyMaxRatio) + 64))
        {
            throw new CorruptFileException(source, offset, $"snappy block claims {length} uncompressed bytes, more than {compressed.Length} compressed bytes can hold");
        }

        EnsureSize(ref buffer, (int)length);
        CompressionCodecs.Decompress(CompressionKind.Snappy, compressed, buffer.AsSpan(0, (int)length));
        var actualCrc = Crc32.Compute(buffer.AsSpan(0, (int)length));
        if (actualCrc != expectedCrc)
        {
            throw new CorruptFileException(source, offset, $"snappy block CRC32 mismatch: stored {expectedCrc:x8}, computed {actualCrc:x8}");
        }

        return (int)length;
    }


    private static void EnsureSize(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, Math.Min(Array.MaxLength, buffer.Length * 2))];
        }
    }
}
