using System.Buffers.Binary;
using Lakehouse.Arrow;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// Reads a v3 deletion vector blob (Puffin <c>deletion-vector-v1</c>): 4-byte big-endian length, magic D1 D3 39 64, a
/// 64-bit roaring bitmap in the portable serialization, CRC-32. A bare portable bitmap (no framing) is accepted too.
/// </summary>
public static class DeletionVector
{
    private const uint Magic = 0xD1D33964;
    private const int SerialCookieNoRun = 12346;
    private const int SerialCookie = 12347;

    /// <summary>The deleted row positions, ascending.</summary>
    public static long[] Read(ReadOnlySpan<byte> blob, string source)
    {
        var bitmap = blob;
        if (blob.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(blob[4..]) == Magic)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
            if (length < 4 || length > blob.Length - 8)
            {
                throw new CorruptFileException(source, 0, $"deletion vector length {length} exceeds the blob ({blob.Length} bytes)");
            }

            bitmap = blob.Slice(8, (int)length - 4);
        }

        var result = new List<long>();
        ReadPortable64(bitmap, source, result);
        return [.. result];
    }

    private static void ReadPortable64(ReadOnlySpan<byte> data, string source, List<long> result)
    {
        if (data.Length < 8)
        {
            throw new CorruptFileException(source, 0, "deletion vector shorter than its bitmap count");
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(data);
        var pos = 8;
        if (count < 0 || count > data.Length)
        {
            throw new CorruptFileException(source, 0, $"deletion vector bitmap count {count} is invalid");
        }

        for (long b = 0; b < count; b++)
        {
            if (pos + 4 > data.Length)
            {
                throw new CorruptFileException(source, pos, "deletion vector truncated before a bitmap key");
            }

            var high = (long)BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]) << 32;
            pos += 4;
            pos += Read32(data[pos..], source, pos, high, result);
        }
    }

    /// <summary>Reads one 32-bit roaring bitmap (portable format) and returns its length in bytes.</summary>
    private static int Read32(ReadOnlySpan<byte> data, string source, int baseOffset, long high, List<long> result)
    {
        if (data.Length < 4)
        {
            throw new CorruptFileException(source, baseOffset, "roaring bitmap truncated");
        }

        var cookie = BinaryPrimitives.ReadUInt32LittleEndian(data);
        int size;
        var pos = 4;
        ReadOnlySpan<byte> runFlags = default;
        bool hasOffsets;
        if ((cookie & 0xFFFF) == SerialCookie)
        {
            size = (int)(cookie >> 16) + 1;
            var flagBytes = (size + 7) / 8;
            Need(data, pos, flagBytes, source, baseOffset);
            runFlags = data.Slice(pos, flagBytes);
            pos += flagBytes;
            hasOffsets = size >= 4;
        }
        else if (cookie == SerialCookieNoRun)
        {
            Need(data, pos, 4, source, baseOffset);
            var n = BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]);
            if (n > 65536)
            {
                throw new CorruptFileException(source, baseOffset, $"roaring bitmap has {n} containers");
            }

            size = (int)n;
            pos += 4;
            hasOffsets = true;
        }
        else
        {
            throw new CorruptFileException(source, baseOffset, $"unknown roaring bitmap cookie {cookie}");
        }

        Need(data, pos, size * 4, source, baseOffset);
        var keys = new int[size];
        var cards = new int[size];
        for (var i = 0; i < size; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + (4 * i))..]);
            cards[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + (4 * i) + 2)..]) + 1;
        }

        pos += size * 4;
        if (hasOffsets)
        {
            Need(data, pos, size * 4, source, baseOffset);
            pos += size * 4;
        }

        for (var i = 0; i < size; i++)
        {
            var prefix = high | ((long)keys[i] << 16);
            var isRun = !runFlags.IsEmpty && (runFlags[i / 8] & (1 << (i % 8))) != 0;
            if (isRun)
            {
                Need(data, pos, 2, source, baseOffset);
                var runs = BinaryPrimitives.ReadUInt16LittleEndian(data[pos..]);
                pos += 2;
                Need(data, pos, runs * 4, source, baseOffset);
                for (var r = 0; r < runs; r++)
                {
                    var start = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + (4 * r))..]);
                    var len = BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + (4 * r) + 2)..]);
                    for (var v = start; v <= start + len; v++)
                    {
                        result.Add(prefix | (long)v);
                    }
                }

                pos += runs * 4;
            }
            else if (cards[i] <= 4096)
            {
                Need(data, pos, cards[i] * 2, source, baseOffset);
                for (var k = 0; k < cards[i]; k++)
                {
                    result.Add(prefix | BinaryPrimitives.ReadUInt16LittleEndian(data[(pos + (2 * k))..]));
                }

                pos += cards[i] * 2;
            }
            else
            {
                Need(data, pos, 8192, source, baseOffset);
                for (var w = 0; w < 1024; w++)
                {
                    var word = BinaryPrimitives.ReadUInt64LittleEndian(data[(pos + (8 * w))..]);
                    while (word != 0)
                    {
                        var bit = System.Numerics.BitOperations.TrailingZeroCount(word);
                        result.Add(prefix | (long)((w * 64) + bit));
                        word &= word - 1;
                    }
                }

                pos += 8192;
            }
        }

        return pos;
    }

    private static void Need(ReadOnlySpan<byte> data, int pos, int count, string source, int baseOffset)
    {
        if (count < 0 || pos + count > data.Length)
        {
            throw new CorruptFileException(source, baseOffset + pos, $"roaring bitmap truncated: {count} bytes needed at {pos}, {data.Length - pos} left");
        }
    }
}
