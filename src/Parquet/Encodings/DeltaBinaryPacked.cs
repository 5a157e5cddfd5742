using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, zigzag first value) then
/// blocks of (zigzag min delta, one bit width per miniblock, bit-packed miniblocks of delta - min delta).
/// Arithmetic wraps, so int32 columns decode through int64 and truncate.
/// </summary>
public static class DeltaBinaryPacked
{
    public const int DefaultBlockSize = 128;
    public const int DefaultMiniBlocks = 4;

    /// <summary>Reads the total value count from the header without decoding.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        ReadUleb(data, ref pos);
        ReadUleb(data, ref pos);
        var total = ReadUleb(data, ref pos);
        if (total > int.MaxValue)
        {
            throw new CorruptFileException(null, -1, $"DELTA_BINARY_PACKED count {total} is too large");
        }

        return (int)total;
    }

    /// <summary>Decodes exactly <paramref name="output"/>.Length values (the header may hold more); returns bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output)
    {
        var pos = 0;
        var blockSize = ReadUleb(data, ref pos);
        var miniBlocks = ReadUleb(data, ref pos);
        var total = ReadUleb(data, ref pos);
        var first = ZigZag(ReadUleb(data, ref pos));
        if (blockSize == 0 || blockSize % 128 != 0 || miniBlocks == 0 || blockSize % miniBlocks != 0 || (blockSize / miniBlocks) % 32 != 0 || blockSize > 1 << 20)
        {
            throw new CorruptFileException(null, -1, $"DELTA_BINARY_PACKED block size {blockSize} with {miniBlocks} miniblocks is invalid");
        }

        if (total < (ulong)output.Length)
        {
            throw new CorruptFileException(null, -1, $"DELTA_BINARY_PACKED holds {total} values, {output.Length} expected");
        }

        var perMini = (int)(blockSize / miniBlocks);
        var count = output.Length;
        if (count == 0)
        {
            return total == 0 ? pos : SkipRest(data, pos, (long)total, (int)miniBlocks, perMini);
        }

        output[0] = first;
        var produced = 1;
        var last = first;
        Span<long> mini = perMini <= 512 ? stackalloc long[perMini] : new long[perMini];
        var needed = (long)total;
        long decoded = 1;
        while (decoded < needed)
        {
            var minDelta = ZigZag(ReadUleb(data, ref pos));
            if (pos + (int)miniBlocks > data.Length)
            {
                throw new CorruptFileException(null, -1, "DELTA_BINARY_PACKED block truncated in its bit widths");
            }

            var widths = data.Slice(pos, (int)miniBlocks);
            pos += (int)miniBlocks;
            for (var m = 0; m < (int)miniBlocks && decoded < needed; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    throw new CorruptFileException(null, -1, $"DELTA_BINARY_PACKED miniblock bit width {width} > 64");
                }

                var bytes = perMini * width / 8;
                if (pos + bytes > data.Length)
                {
                    throw new CorruptFileException(null, -1, "DELTA_BINARY_PACKED miniblock truncated");
                }

                var take = (int)Math.Min(perMini, needed - decoded);
                if (produced < count)
                {
                    BitPacking.Unpack64(data.Slice(pos, bytes), mini, width);
                    var use = Math.Min(take, count - produced);
                    for (var k = 0; k < use; k++)
                    {
                        last = unchecked(last + minDelta + mini[k]);
                        output[produced++] = last;
                    }
                }

                decoded += take;
                pos += bytes;
            }
        }

        return pos;
    }

    public static int DecodeInt32(ReadOnlySpan<byte> data, Span<int> output)
    {
        var tmp = new long[output.Length];
        var consumed = Decode(data, tmp);
        for (var i = 0; i < tmp.Length; i++)
        {
            output[i] = unchecked((int)tmp[i]);
        }

        return consumed;
    }

    /// <summary>Encodes <paramref name="values"/> with 128-value blocks of four miniblocks.</summary>
    public static void Encode(ReadOnlySpan<long> values, BufferBuilder output)
    {
        RleBitPackedEncoder.WriteVarint(output, DefaultBlockSize);
        RleBitPackedEncoder.WriteVarint(output, DefaultMiniBlocks);
        RleBitPackedEncoder.WriteVarint(output, (ulong)values.Length);
        WriteZigZag(output, values.Length > 0 ? values[0] : 0);
        const int perMini = DefaultBlockSize / DefaultMiniBlocks;
        Span<long> deltas = stackalloc long[DefaultBlockSize];
        Span<byte> packed = stackalloc byte[perMini * 8];
        Span<byte> widths = stackalloc byte[DefaultMiniBlocks];
        for (var start = 1; start < values.Length; start += DefaultBlockSize)
        {
            var n = Math.Min(DefaultBlockSize, values.Length - start);
            var minDelta = long.MaxValue;
            for (var k = 0; k < n; k++)
            {
                deltas[k] = unchecked(values[start + k] - values[start + k - 1]);
                minDelta = Math.Min(minDelta, deltas[k]);
            }

            for (var k = n; k < DefaultBlockSize; k++)
            {
                deltas[k] = minDelta;
            }

            WriteZigZag(output, minDelta);
            var usedMinis = (n + perMini - 1) / perMini;
            for (var m = 0; m < DefaultMiniBlocks; m++)
            {
                ulong max = 0;
                if (m < usedMinis)
                {
                    for (var k = m * perMini; k < (m + 1) * perMini; k++)
                    {
                        deltas[k] = unchecked(deltas[k] - minDelta);
                        max |= (ulong)deltas[k];
                    }
                }

                widths[m] = (byte)BitPacking.BitWidthOf(max);
            }

            output.Append<byte>(widths);
            for (var m = 0; m < usedMinis; m++)
            {
                var bytes = perMini * widths[m] / 8;
                BitPacking.Pack64(deltas.Slice(m * perMini, perMini), packed, widths[m]);
                output.Append<byte>(packed[..bytes]);
            }
        }
    }

    public static void Encode(ReadOnlySpan<int> values, BufferBuilder output)
    {
        var tmp = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            tmp[i] = values[i];
        }

        Encode(tmp, output);
    }

    internal static ulong ReadUleb(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new CorruptFileException(null, -1, "truncated varint in DELTA encoding");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new CorruptFileException(null, -1, "varint longer than 10 bytes in DELTA encoding");
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static void WriteZigZag(BufferBuilder output, long v) => RleBitPackedEncoder.WriteVarint(output, (ulong)((v << 1) ^ (v >> 63)));

    private static int SkipRest(ReadOnlySpan<byte> data, int pos, long total, int miniBlocks, int perMini)
    {
        long decoded = 1;
        while (decoded < total)
        {
            ReadUleb(data, ref pos);
            if (pos + miniBlocks > data.Length)
            {
                throw new CorruptFileException(null, -1, "DELTA_BINARY_PACKED block truncated in its bit widths");
            }

            var widths = data.Slice(pos, miniBlocks);
            pos += miniBlocks;
            for (var m = 0; m < miniBlocks && decoded < total; m++)
            {
                pos += perMini * widths[m] / 8;
                decoded += perMini;
            }

            if (pos > data.Length)
            {
                throw new CorruptFileException(null, -1, "DELTA_BINARY_PACKED miniblock truncated");
            }
        }

        return pos;
    }
}
