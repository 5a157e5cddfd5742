using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Functions.Hashing;

/// <summary>XXH64 as specified in the xxHash specification (xxhash_spec.md), with a seed.</summary>
public static class XxHash64
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const ulong Prime4 = 0x85EBCA77C2B2AE63UL;
    private const ulong Prime5 = 0x27D4EB2F165667C5UL;

    public static ulong Hash(ReadOnlySpan<byte> input, ulong seed = 0)
    {
        var length = (ulong)input.Length;
        ulong acc;
        var p = 0;
        if (input.Length >= 32)
        {
            var v1 = seed + Prime1 + Prime2;
            var v2 = seed + Prime2;
            var v3 = seed;
            var v4 = seed - Prime1;
            while (input.Length - p >= 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(input[p..]));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(input[(p + 8)..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(input[(p + 16)..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(input[(p + 24)..]));
                p += 32;
            }

            acc = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            acc = MergeAccumulator(acc, v1);
            acc = MergeAccumulator(acc, v2);
            acc = MergeAccumulator(acc, v3);
            acc = MergeAccumulator(acc, v4);
        }
        else
        {
            acc = seed + Prime5;
        }

        acc += length;
        while (input.Length - p >= 8)
        {
            acc ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(input[p..]));
            acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
            p += 8;
        }

        if (input.Length - p >= 4)
        {
            acc ^= BinaryPrimitives.ReadUInt32LittleEndian(input[p..]) * Prime1;
            acc = (BitOperations.RotateLeft(acc, 23) * Prime2) + Prime3;
            p += 4;
        }

        while (p < input.Length)
        {
            acc ^= input[p] * Prime5;
            acc = BitOperations.RotateLeft(acc, 11) * Prime1;
            p++;
        }

        return Avalanche(acc);
    }

    /// <summary>The hash of an 8-byte little-endian value (for hashing fixed-width values in sketches).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashInt64(long value, ulong seed = 0)
    {
        var acc = seed + Prime5 + 8;
        acc ^= Round(0, (ulong)value);
        acc = (BitOperations.RotateLeft(acc, 27) * Prime1) + Prime4;
        return Avalanche(acc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong lane)
    {
        acc += lane * Prime2;
        acc = BitOperations.RotateLeft(acc, 31);
        return acc * Prime1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeAccumulator(ulong acc, ulong v)
    {
        acc ^= Round(0, v);
        return (acc * Prime1) + Prime4;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Avalanche(ulong h)
    {
        h ^= h >> 33;
        h *= Prime2;
        h ^= h >> 29;
        h *= Prime3;
        h ^= h >> 32;
        return h;
    }
}
