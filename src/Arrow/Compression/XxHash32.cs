using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// The 32-bit xxHash used by the LZ4 frame format for header, block and content checksums
/// (written from the xxHash specification).
/// </summary>
public static class XxHash32
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    public static uint Hash(ReadOnlySpan<byte> data, uint seed = 0)
    {
        var length = data.Length;
        ref var start = ref MemoryMarshal.GetReference(data);
        var p = 0;
        uint h;
        if (length >= 16)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            var limit = length - 16;
            while (p <= limit)
            {
                v1 = Round(v1, Lane(ref start, p));
                v2 = Round(v2, Lane(ref start, p + 4));
                v3 = Round(v3, Lane(ref start, p + 8));
                v4 = Round(v4, Lane(ref start, p + 12));
                p += 16;
            }

            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            h = seed + Prime5;
        }

        h += (uint)length;
        while (p + 4 <= length)
        {
            h = BitOperations.RotateLeft(h + (Lane(ref start, p) * Prime3), 17) * Prime4;
            p += 4;
        }

        while (p < length)
        {
            h = BitOperations.RotateLeft(h + (data[p] * Prime5), 11) * Prime1;
            p++;
        }

        h ^= h >> 15;
        h *= Prime2;
        h ^= h >> 13;
        h *= Prime3;
        h ^= h >> 16;
        return h;
    }

    /// <summary>Little-endian 32-bit lane at <paramref name="offset"/>; callers stay within the span's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lane(ref byte start, int offset)
    {
        var value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Round(uint acc, uint lane) => BitOperations.RotateLeft(acc + (lane * Prime2), 13) * Prime1;
}
