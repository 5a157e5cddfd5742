using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// Little-endian bit packing as used by the RLE/bit-packed hybrid and DELTA_BINARY_PACKED: values are
/// packed from the least significant bit of each byte onwards.
/// </summary>
public static class BitPacking
{
    /// <summary>Unpacks <paramref name="output"/>.Length values of <paramref name="bitWidth"/> (0..32) bits.</summary>
    public static void Unpack32(ReadOnlySpan<byte> input, Span<int> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        var mask = bitWidth == 32 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        var count = output.Length;
        var i = 0;

        // Fast path: an 8-byte unaligned load covers any value of <= 32 bits at any bit offset within it.
        var safe = input.Length >= 8 ? (int)Math.Min(count, (((long)input.Length - 8) * 8 / bitWidth) + 1) : 0;
        ref var src = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(input);
        for (; i < safe; i++)
        {
            var bit = (long)i * bitWidth;
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref src, (nint)(bit >> 3)));
            output[i] = (int)((word >> (int)(bit & 7)) & mask);
        }

        for (; i < count; i++)
        {
            output[i] = (int)ReadBits(input, (long)i * bitWidth, bitWidth);
        }
    }

    /// <summary>Unpacks values of up to 64 bits (DELTA_BINARY_PACKED on int64).</summary>
    public static void Unpack64(ReadOnlySpan<byte> input, Span<long> output, int bitWidth)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }

        if (bitWidth <= 56)
        {
            var mask = (1UL << bitWidth) - 1;
            var safe = input.Length >= 8 ? (int)Math.Min(output.Length, (((long)input.Length - 8) * 8 / bitWidth) + 1) : 0;
            var i = 0;
            for (; i < safe; i++)
            {
                var bit = (long)i * bitWidth;
                var word = BinaryPrimitives.ReadUInt64LittleEndian(input[(int)(bit >> 3)..]);
                output[i] = (long)((word >> (int)(bit & 7)) & mask);
            }

            for (; i < output.Length; i++)
            {
                output[i] = (long)ReadBits(input, (long)i * bitWidth, bitWidth);
            }

            return;
        }

        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (long)ReadBits(input, (long)i * bitWidth, bitWidth);
        }
    }

    /// <summary>Packs values of <paramref name="bitWidth"/> bits; <paramref name="output"/> must hold ceil(n*w/8) bytes.</summary>
    public static void Pack64(ReadOnlySpan<long> values, Span<byte> output, int bitWidth)
    {
        output[..BytesFor(values.Length, bitWidth)].Clear();
        if (bitWidth == 0)
        {
            return;
        }

        long bit = 0;
        foreach (var v in values)
        {
            var remaining = bitWidth;
            var value = (ulong)v;
            while (remaining > 0)
            {
                var byteIndex = (int)(bit >> 3);
                var shift = (int)(bit & 7);
                var take = Math.Min(8 - shift, remaining);
                output[byteIndex] |= (byte)((value & ((1UL << take) - 1)) << shift);
                value >>= take;
                remaining -= take;
                bit += take;
            }
        }
    }

    public static void Pack32(ReadOnlySpan<int> values, Span<byte> output, int bitWidth)
    {
        output[..BytesFor(values.Length, bitWidth)].Clear();
        if (bitWidth == 0)
        {
            return;
        }

        ulong acc = 0;
        var accBits = 0;
        var o = 0;
        var mask = bitWidth == 32 ? uint.MaxValue : (1U << bitWidth) - 1;
        foreach (var v in values)
        {
            acc |= ((ulong)((uint)v & mask)) << accBits;
            accBits += bitWidth;
            while (accBits >= 8)
            {
                output[o++] = (byte)acc;
                acc >>= 8;
                accBits -= 8;
            }
        }

        if (accBits > 0)
        {
            output[o] = (byte)acc;
        }
    }

    public static int BytesFor(int count, int bitWidth) => (int)(((long)count * bitWidth + 7) >> 3);

    /// <summary>Bits needed to represent <paramref name="maxValue"/> (0 for 0).</summary>
    public static int BitWidthOf(ulong maxValue) => maxValue == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(maxValue);

    private static ulong ReadBits(ReadOnlySpan<byte> input, long bitOffset, int bitWidth)
    {
        ulong result = 0;
        var produced = 0;
        while (produced < bitWidth)
        {
            var byteIndex = (int)(bitOffset >> 3);
            var shift = (int)(bitOffset & 7);
            var take = Math.Min(8 - shift, bitWidth - produced);
            var b = byteIndex < input.Length ? input[byteIndex] : 0;
            result |= (ulong)((b >> shift) & ((1 << take) - 1)) << produced;
            produced += take;
            bitOffset += take;
        }

        return result;
    }
}
