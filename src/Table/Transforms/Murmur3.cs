using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// 32-bit Murmur3, x86 variant, seed 0 (Appendix B): the hash behind the bucket transform.
/// <see cref="HashLong"/> hashes the 8 little-endian bytes of a long. Appendix B's <c>hashInt</c> (dates,
/// booleans) is the same as hashing the value widened to long: its test vectors (<c>2017-11-16</c> -&gt;
/// -653330422, <c>true</c> -&gt; 1392991556) are those of the 8-byte hash, so <see cref="HashInt"/> widens.
/// </summary>
public static class Murmur3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashInt(int value) => HashLong(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashLong(long value)
    {
        var h = MixH1(0, MixK1((uint)value));
        h = MixH1(h, MixK1((uint)(value >> 32)));
        return Finish(h, 8);
    }

    public static int HashBytes(ReadOnlySpan<byte> data)
    {
        uint h = 0;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            h = MixH1(h, MixK1(BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4))));
        }

        var tail = data[(blocks * 4)..];
        uint k = 0;
        switch (tail.Length)
        {
            case 3:
                k ^= (uint)tail[2] << 16;
                goto case 2;
            case 2:
                k ^= (uint)tail[1] << 8;
                goto case 1;
            case 1:
                k ^= tail[0];
                h ^= MixK1(k);
                break;
            default:
                break;
        }

        return Finish(h, data.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MixK1(uint k)
    {
        k *= C1;
        k = BitOperations.RotateLeft(k, 15);
        return k * C2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint MixH1(uint h, uint k)
    {
        h ^= k;
        h = BitOperations.RotateLeft(h, 13);
        return (h * 5) + 0xe6546b64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Finish(uint h, int length)
    {
        h ^= (uint)length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return (int)h;
    }
}
