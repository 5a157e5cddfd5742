using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// Encodes the RLE/bit-packed hybrid: runs of 8 or more equal values become RLE runs, everything else is
/// bit-packed in groups of 8 (the last group zero-padded; readers know the value count).
/// </summary>
public static class RleBitPackedEncoder
{
    private const int MaxGroupsPerRun = 1 << 16;

    public static void Encode(ReadOnlySpan<int> values, int bitWidth, BufferBuilder output)
    {
        var i = 0;
        var n = values.Length;
        Span<int> group = stackalloc int[8];
        while (i < n)
        {
            var run = RunLength(values, i);
            if (run >= 8 || bitWidth == 0)
            {
                if (bitWidth == 0)
                {
                    run = n - i;
                }

                WriteVarint(output, (ulong)run << 1);
                var width = (bitWidth + 7) >> 3;
                var v = values[i];
                for (var b = 0; b < width; b++)
                {
                    output.Append((byte)(v >> (8 * b)));
                }

                i += run;
                continue;
            }

            // Bit-packed groups until a long run starts at a group boundary.
            var start = i;
            var groups = 0;
            while (i < n && groups < MaxGroupsPerRun)
            {
                i = Math.Min(i + 8, n);
                groups++;
                if (i < n && RunLength(values, i) >= 8)
                {
                    break;
                }
            }

            WriteVarint(output, ((ulong)groups << 1) | 1);
            var span = output.GetSpan(groups * bitWidth);
            var o = 0;
            for (var g = 0; g < groups; g++)
            {
                var from = start + (g * 8);
                var count = Math.Min(8, n - from);
                group.Clear();
                values.Slice(from, count).CopyTo(group);
                BitPacking.Pack32(group, span.Slice(o, bitWidth), bitWidth);
                o += bitWidth;
            }

            output.Advance(groups * bitWidth);
        }
    }

    /// <summary>Encodes with the 4-byte little-endian length prefix of data page v1 levels.</summary>
    public static void EncodeLengthPrefixed(ReadOnlySpan<int> values, int bitWidth, BufferBuilder output)
    {
        var at = output.Length;
        output.Append(0);
        Encode(values, bitWidth, output);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(output.WrittenSpan[at..], output.Length - at - 4);
    }

    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        var v = values[start];
        var j = start + 1;
        while (j < values.Length && values[j] == v)
        {
            j++;
        }

        return j - start;
    }

    internal static void WriteVarint(BufferBuilder output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Append((byte)(value | 0x80));
            value >>= 7;
        }

        output.Append((byte)value);
    }
}
