using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// The LZ4 block format (Parquet LZ4_RAW, and the payload of LZ4 frames and Hadoop LZ4 blocks), written from
/// the LZ4 block format description: a greedy single-hash-table compressor and a bounds-checked decompressor.
/// </summary>
public static class Lz4Block
{
    private const string Codec = "lz4 block";
    private const int MinMatch = 4;
    private const int LastLiterals = 5;
    private const int MatchFindLimit = 12;
    private const int MaxOffset = 65535;
    private const int HashLog = 14;
    private const int SkipTrigger = 6;

    [ThreadStatic]
    private static int[]? s_hashTable;

    /// <summary>Worst-case compressed size of <paramref name="inputLength"/> bytes.</summary>
    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return checked(inputLength + (inputLength / 255) + 16);
    }

    /// <summary>Compresses <paramref name="source"/>; <paramref name="destination"/> must hold <see cref="MaxCompressedLength"/> bytes.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!TryCompress(source, destination, out var written))
        {
            CodecErrors.DestinationTooSmall(Codec, MaxCompressedLength(source.Length), destination.Length);
        }

        return written;
    }

    /// <summary>Compresses into <paramref name="destination"/>; false when the output would not fit.</summary>
    public static unsafe bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        var table = s_hashTable ??= new int[1 << HashLog];
        Array.Clear(table);
        var n = source.Length;
        var capacity = destination.Length;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        fixed (int* hashTable = table)
        {
            var anchor = 0;
            var op = 0;
            if (n >= MatchFindLimit + 1)
            {
                var matchLimit = n - LastLiterals;
                var searchLimit = n - MatchFindLimit;
                var ip = 1;
                hashTable[Hash5(Read64(src))] = 0;
                var searches = 1 << SkipTrigger;
                while (ip <= searchLimit)
                {
                    var sequence = Read64(src + ip);
                    var h = Hash5(sequence);
                    var candidate = hashTable[h];
                    hashTable[h] = ip;
                    if (candidate >= ip || ip - candidate > MaxOffset || Read32(src + candidate) != (uint)sequence)
                    {
                        ip += searches++ >> SkipTrigger;
                        continue;
                    }

                    // Extend backwards over pending literals, then forwards up to the last-literals limit.
                    while (ip > anchor && candidate > 0 && src[ip - 1] == src[candidate - 1])
                    {
                        ip--;
                        candidate--;
                    }

                    var length = MinMatch + CommonLength(src + candidate + MinMatch, src + ip + MinMatch, src + matchLimit);
                    if (!EmitSequence(src + anchor, ip - anchor, ip - candidate, length, dst, ref op, capacity))
                    {
                        written = 0;
                        return false;
                    }

                    ip += length;
                    anchor = ip;
                    searches = 1 << SkipTrigger;
                    if (ip <= searchLimit)
                    {
                        hashTable[Hash5(Read64(src + ip - 2))] = ip - 2;
                    }
                }
            }

            // Last literals.
            var literalLength = n - anchor;
            if ((long)op + 1 + (literalLength / 255) + 1 + literalLength > capacity)
            {
                written = 0;
                return false;
            }

            var token = op++;
            if (literalLength >= 15)
            {
                dst[token] = 15 << 4;
                WriteLength(dst, ref op, literalLength - 15);
            }
            else
            {
                dst[token] = (byte)(literalLength << 4);
            }

            Buffer.MemoryCopy(src + anchor, dst + op, capacity - op, literalLength);
            written = op + literalLength;
            return true;
        }
    }

    /// <summary>Decompresses a whole block into <paramref name="destination"/>, which it must fill exactly.</summary>
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = Decompress(source, destination, 0, 0);
        if (written != destination.Length)
        {
            CodecErrors.Corrupt(Codec, source.Length, $"block decompressed to {written} bytes, expected {destination.Length}");
        }
    }

    /// <summary>
    /// Decompresses one block into <paramref name="destination"/> starting at <paramref name="outputStart"/>;
    /// matches may reach back to <paramref name="historyStart"/> (earlier linked blocks). Returns bytes written.
    /// Never writes past <paramref name="destination"/>: output that would overflow it is corrupt. Bytes of
    /// <paramref name="destination"/> after the returned length may be used as scratch (wide copies).
    /// </summary>
    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination, int outputStart, int historyStart)
    {
        if ((uint)outputStart > (uint)destination.Length || (uint)historyStart > (uint)outputStart)
        {
            throw new ArgumentOutOfRangeException(nameof(outputStart));
        }

        fixed (byte* srcBase = source)
        fixed (byte* dstBase = destination)
        {
            var ip = srcBase;
            var iend = srcBase + source.Length;
            var op = dstBase + outputStart;
            var oend = dstBase + destination.Length;
            var low = dstBase + historyStart;
            while (true)
            {
                if (ip >= iend)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, "block ends before its last sequence");
                }

                int token = *ip++;
                nint literalLength = token >> 4;
                if (literalLength == 15)
                {
                    literalLength += ReadLength(ref ip, iend, srcBase);
                }

                if (literalLength > iend - ip)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, $"literal run of {literalLength} bytes exceeds the block");
                }

                if (literalLength > oend - op)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, $"literal run of {literalLength} bytes exceeds the decompressed size");
                }

                if (literalLength <= 16 && iend - ip >= 16 && oend - op >= 16)
                {
                    // Short literal run with room on both sides: one fixed 16-byte copy.
                    Unsafe.CopyBlockUnaligned(op, ip, 16);
                }
                else
                {
                    Buffer.MemoryCopy(ip, op, oend - op, literalLength);
                }

                ip += literalLength;
                op += literalLength;
                if (ip == iend)
                {
                    return (int)(op - dstBase) - outputStart;
                }

                if (iend - ip < 2)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, "match offset truncated");
                }

                nint offset = ip[0] | (ip[1] << 8);
                ip += 2;
                if (offset == 0 || offset > op - low)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase - 2, $"match offset {offset} points before the start of the output");
                }

                nint matchLength = token & 15;
                if (matchLength == 15)
                {
                    matchLength += ReadLength(ref ip, iend, srcBase);
                }

                matchLength += MinMatch;
                if (matchLength > oend - op)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, $"match of {matchLength} bytes exceeds the decompressed size");
                }

                CopyMatch(op, offset, matchLength, oend);
                op += matchLength;
            }
        }
    }

    /// <summary>
    /// Copies an LZ77 back-reference of <paramref name="length"/> bytes from <paramref name="offset"/> bytes
    /// back, which may overlap its own output (offset &lt; length repeats a pattern). May write up to 15
    /// scratch bytes past the match when they lie before <paramref name="end"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void CopyMatch(byte* op, nint offset, nint length, byte* end)
    {
        var match = op - offset;
        if (offset >= 16 && end - op >= length + 16)
        {
            // Each 16-byte chunk reads bytes written at least 16 bytes earlier.
            for (nint k = 0; k < length; k += 16)
            {
                Unsafe.CopyBlockUnaligned(op + k, match + k, 16);
            }

            return;
        }

        if (offset >= 8 && end - op >= length + 8)
        {
            for (nint k = 0; k < length; k += 8)
            {
                Unsafe.WriteUnaligned(op + k, Unsafe.ReadUnaligned<ulong>(match + k));
            }

            return;
        }

        // Short period: a multiple of the offset that is at least 8 repeats the same pattern, so after the
        // first period bytes go byte by byte, the rest can go 8 at a time.
        var period = offset * ((8 + offset - 1) / offset);
        var head = Math.Min(period, length);
        nint i = 0;
        for (; i < head; i++)
        {
            op[i] = match[i];
        }

        if (end - op >= length + 8)
        {
            for (; i < length; i += 8)
            {
                Unsafe.WriteUnaligned(op + i, Unsafe.ReadUnaligned<ulong>(op + i - period));
            }
        }
        else
        {
            for (; i < length; i++)
            {
                op[i] = op[i - period];
            }
        }
    }

    private static unsafe nint ReadLength(ref byte* ip, byte* iend, byte* srcBase)
    {
        nint total = 0;
        int b;
        do
        {
            if (ip >= iend)
            {
                CodecErrors.Corrupt(Codec, ip - srcBase, "length extension truncated");
            }

            b = *ip++;
            total += b;
            if (total > int.MaxValue / 2)
            {
                CodecErrors.Corrupt(Codec, ip - srcBase, "length extension too large");
            }
        }
        while (b == 255);
        return total;
    }

    private static unsafe bool EmitSequence(byte* literals, int literalLength, int offset, int matchLength, byte* dst, ref int op, int capacity)
    {
        var needed = 1L + (literalLength / 255) + 1 + literalLength + 2 + ((matchLength - MinMatch) / 255) + 1;
        if (op + needed > capacity)
        {
            return false;
        }

        var token = op++;
        int tokenValue;
        if (literalLength >= 15)
        {
            tokenValue = 15 << 4;
            WriteLength(dst, ref op, literalLength - 15);
        }
        else
        {
            tokenValue = literalLength << 4;
        }

        Buffer.MemoryCopy(literals, dst + op, capacity - op, literalLength);
        op += literalLength;
        dst[op++] = (byte)offset;
        dst[op++] = (byte)(offset >> 8);
        var ml = matchLength - MinMatch;
        if (ml >= 15)
        {
            tokenValue |= 15;
            WriteLength(dst, ref op, ml - 15);
        }
        else
        {
            tokenValue |= ml;
        }

        dst[token] = (byte)tokenValue;
        return true;
    }

    private static unsafe void WriteLength(byte* dst, ref int op, int remaining)
    {
        while (remaining >= 255)
        {
            dst[op++] = 255;
            remaining -= 255;
        }

        dst[op++] = (byte)remaining;
    }

    /// <summary>Length of the common run at <paramref name="a"/> and <paramref name="b"/> (a &lt; b), with b + result &lt;= limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int CommonLength(byte* a, byte* b, byte* limit)
    {
        var start = b;
        while (b + 8 <= limit)
        {
            var diff = Read64(a) ^ Read64(b);
            if (diff != 0)
            {
                return (int)(b - start) + (BitOperations.TrailingZeroCount(diff) >> 3);
            }

            a += 8;
            b += 8;
        }

        while (b < limit && *a == *b)
        {
            a++;
            b++;
        }

        return (int)(b - start);
    }

    /// <summary>Length of the common run of source[a..] and source[b..], with b + result &lt;= limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CommonLength(ReadOnlySpan<byte> source, int a, int b, int limit)
    {
        var start = b;
        while (b + 8 <= limit)
        {
            var diff = BinaryPrimitives.ReadUInt64LittleEndian(source[a..]) ^ BinaryPrimitives.ReadUInt64LittleEndian(source[b..]);
            if (diff != 0)
            {
                return b - start + (BitOperations.TrailingZeroCount(diff) >> 3);
            }

            a += 8;
            b += 8;
        }

        while (b < limit && source[a] == source[b])
        {
            a++;
            b++;
        }

        return b - start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint Read32(byte* p)
    {
        var value = Unsafe.ReadUnaligned<uint>(p);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong Read64(byte* p)
    {
        var value = Unsafe.ReadUnaligned<ulong>(p);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>Hash of the low five bytes: fewer collisions than four, so candidates tend to match longer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash5(ulong sequence) => (int)(((sequence << 24) * 889523592379UL) >> (64 - HashLog));
}
