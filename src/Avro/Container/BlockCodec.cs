using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Compression;

namespace Lakehouse.Avro.Container;

/// <summary>
/// Compresses and decompresses container file blocks. Decompressed sizes are bounded before anything is
/// allocated: snappy and zstd declare their size (checked against the codec's largest possible expansion
/// and the reader's limit); deflate output is grown on demand up to deflate's largest ratio and the limit.
/// </summary>
internal static class BlockCodec
{
    /// <summary>Deflate cannot expand more than about 1032:1.</summary>
    private const long DeflateMaxRatio = 1032;

    /// <summary>A snappy element of n bytes yields at most 64 bytes (copy with 2-byte offset: 3 bytes -> 64).</summary>
    private const long SnappyMaxRatio = 22;

    /// <summary>Decompresses <paramref name="data"/> into <paramref name="buffer"/> (grown as needed); returns the length.</summary>
    public static int Decompress(AvroCodec codec, ReadOnlyMemory<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        try
        {
            return codec switch
            {
                AvroCodec.Deflate => Inflate(data, ref buffer, maxLength, source, offset),
                AvroCodec.Snappy => Unsnappy(data.Span, ref buffer, maxLength, source, offset),
                AvroCodec.Zstandard => Unzstd(data.Span, ref buffer, maxLength, source, offset),
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

    private static int Inflate(ReadOnlyMemory<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        var limit = (int)Math.Min(maxLength, (data.Length * DeflateMaxRatio) + 1024);
        MemoryStream input = MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);
        using (input)
        using (var inflate = new DeflateStream(input, CompressionMode.Decompress))
        {
            var length = 0;
            if (buffer.Length == 0)
            {
                buffer = new byte[Math.Min(limit, Math.Max(256, data.Length * 4))];
            }

            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        // Room is exhausted: anything more is over the limit.
                        if (inflate.ReadByte() < 0)
                        {
                            return length;
                        }

                        throw new CorruptFileException(source, offset, $"deflate block expands beyond {limit} bytes");
                    }

                    Array.Resize(ref buffer, (int)Math.Min(limit, Math.Max(256L, (long)buffer.Length * 2)));
                }

                var n = inflate.Read(buffer, length, buffer.Length - length);
                if (n == 0)
                {
                    return length;
                }

                length += n;
            }
        }
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

    private static int Unzstd(ReadOnlySpan<byte> data, ref byte[] buffer, int maxLength, string? source, long offset)
    {
        var contentSize = ZstdContentSize(data, source, offset);
        if (contentSize is long size)
        {
            // A frame holds at most 128 KiB per 3-byte block header.
            if (size > maxLength || size > (data.Length * (131072L / 3)) + 131072)
            {
                throw new CorruptFileException(source, offset, $"zstd frame claims {size} bytes, beyond the limit or what {data.Length} bytes can hold");
            }

            EnsureSize(ref buffer, (int)size);
            CompressionCodecs.Decompress(CompressionKind.Zstd, data, buffer.AsSpan(0, (int)size));
            return (int)size;
        }

        // Streaming writers omit the content size: let libzstd bound it, then decompress into that room.
        var bound = ZstdNative.DecompressBound(ref MemoryMarshal.GetReference(data), (nuint)data.Length);
        if (bound >= ulong.MaxValue - 1)
        {
            throw new CorruptFileException(source, offset, "zstd data is not a valid frame");
        }

        var capacity = (int)Math.Min(bound, (ulong)maxLength);
        EnsureSize(ref buffer, Math.Max(capacity, 1));
        var written = ZstdNative.Decompress(ref buffer[0], (nuint)capacity, ref MemoryMarshal.GetReference(data), (nuint)data.Length);
        if (ZstdNative.IsError(written) != 0)
        {
            throw new CorruptFileException(source, offset, bound > (ulong)maxLength ? $"zstd block may expand beyond {maxLength} bytes" : "zstd frame does not decompress");
        }

        return (int)written;
    }

    /// <summary>The Frame_Content_Size of the first zstd frame, or null when the header omits it.</summary>
    private static long? ZstdContentSize(ReadOnlySpan<byte> data, string? source, long offset)
    {
        if (data.Length < 6 || BinaryPrimitives.ReadUInt32LittleEndian(data) != 0xFD2FB528)
        {
            throw new CorruptFileException(source, offset, "zstd block does not start with a zstd frame");
        }

        var descriptor = data[4];
        var fcsFlag = descriptor >> 6;
        var singleSegment = (descriptor & 0x20) != 0;
        if ((descriptor & 0x08) != 0)
        {
            throw new CorruptFileException(source, offset, "zstd frame header has its reserved bit set");
        }

        var dictionaryIdSize = (descriptor & 3) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        var pos = 5 + (singleSegment ? 0 : 1) + dictionaryIdSize;
        var fcsSize = fcsFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        if (fcsSize == 0)
        {
            return null;
        }

        if (pos + fcsSize > data.Length)
        {
            throw new CorruptFileException(source, offset, "zstd frame header is truncated");
        }

        var field = data.Slice(pos, fcsSize);
        var value = fcsSize switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(field) + 256UL,
            4 => BinaryPrimitives.ReadUInt32LittleEndian(field),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(field),
        };
        return value > int.MaxValue ? long.MaxValue : (long)value;
    }

    private static void EnsureSize(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, Math.Min(Array.MaxLength, buffer.Length * 2))];
        }
    }
}
