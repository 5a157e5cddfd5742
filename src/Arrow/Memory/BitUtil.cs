using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Memory;

/// <summary>Bit and alignment helpers for validity bitmaps and boolean buffers (LSB numbering).</summary>
public static class BitUtil
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GetBit(ReadOnlySpan<byte> bits, int index) => (bits[index >> 3] & (1 << (index & 7))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetBit(Span<byte> bits, int index) => bits[index >> 3] |= (byte)(1 << (index & 7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ClearBit(Span<byte> bits, int index) => bits[index >> 3] &= (byte)~(1 << (index & 7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetBit(Span<byte> bits, int index, bool value)
    {
        if (value)
        {
            SetBit(bits, index);
        }
        else
        {
            ClearBit(bits, index);
        }
    }

    public static int BytesForBits(long bits) => checked((int)((bits + 7) >> 3));

    public static long RoundUpToMultipleOf8(long n) => (n + 7) & ~7L;

    public static long RoundUpToMultipleOf64(long n) => (n + 63) & ~63L;

    /// <summary>Number of set bits in bits [offset, offset + length).</summary>
    public static int CountSetBits(ReadOnlySpan<byte> bits, int offset, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        var count = 0;
        var i = offset;
        var end = offset + length;

        // Leading bits up to a byte boundary.
        while (i < end && (i & 7) != 0)
        {
            if (GetBit(bits, i))
            {
                count++;
            }

            i++;
        }

        // Whole 64-bit words, then whole bytes.
        var byteStart = i >> 3;
        var wholeBytes = (end - i) >> 3;
        var words = MemoryMarshal.Cast<byte, ulong>(bits.Slice(byteStart, wholeBytes));
        foreach (var w in words)
        {
            count += BitOperations.PopCount(w);
        }

        for (var b = byteStart + (words.Length * 8); b < byteStart + wholeBytes; b++)
        {
            count += BitOperations.PopCount(bits[b]);
        }

        i += wholeBytes * 8;
        while (i < end)
        {
            if (GetBit(bits, i))
            {
                count++;
            }

            i++;
        }

        return count;
    }

    /// <summary>Copies <paramref name="length"/> bits from <paramref name="src"/> at <paramref name="srcOffset"/> to <paramref name="dst"/> at <paramref name="dstOffset"/>.</summary>
    public static void CopyBits(ReadOnlySpan<byte> src, int srcOffset, Span<byte> dst, int dstOffset, int length)
    {
        if ((srcOffset & 7) == 0 && (dstOffset & 7) == 0)
        {
            var whole = length >> 3;
            src.Slice(srcOffset >> 3, whole).CopyTo(dst.Slice(dstOffset >> 3, whole));
            for (var i = whole * 8; i < length; i++)
            {
                SetBit(dst, dstOffset + i, GetBit(src, srcOffset + i));
            }

            return;
        }

        for (var i = 0; i < length; i++)
        {
            SetBit(dst, dstOffset + i, GetBit(src, srcOffset + i));
        }
    }
}
