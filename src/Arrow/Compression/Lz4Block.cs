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
    public static bool TryCompress(ReadOnlySpan<byte> source, Span<byte> destination, out int written)
    {
        var table = s_hashTable ??= new int[1 << HashLog];
        table.AsSpan().Clear();
        var n = source.Length;
        var anchor = 0;
        var op = 0;
        if (n >= MatchFindLimit + 1)
        {
            var matchLimit = n - LastLiterals;
            var searchLimit = n - MatchFindLimit;
            var ip = 1;
            table[Hash(Read32(source, 0))] = 0;
            var searches = 1 << SkipTrigger;
            while (ip <= searchLimit)
            {
                var sequence = Read32(source, ip);
                var h = Hash(sequence);
                var candidate = table[h];
                table[h] = ip;
                if (candidate >= ip || ip - candidate > MaxOffset || Read32(source, candidate) != sequence)
                {
                    ip += searches++ >> SkipTrigger;
                    continue;
                }

                // Extend backwards over pending literals, then forwards up to the last-literals limit.
                while (ip > anchor && candidate > 0 && source[ip - 1] == source[candidate - 1])
                {
                    ip--;
                    candidate--;
                }

                var length = MinMatch + CommonLength(source, candidate + MinMatch, ip + MinMatch, matchLimit);
                if (!EmitSequence(source, destination, ref op, anchor, ip - anchor, ip - candidate, length))
                {
                    written = 0;
                    return false;
                }

                ip += length;
                anchor = ip;
                searches = 1 << SkipTrigger;
                if (ip <= searchLimit)
                {
                    table[Hash(Read32(source, ip - 2))] = ip - 2;
                }
            }
        }

        // Last literals.
        var literalLength = n - anchor;
        if ((long)op + 1 + (literalLength / 255) + 1 + literalLength > destination.Length)
        {
            written = 0;
            return false;
        }

        var token = op++;
        if (literalLength >= 15)
        {
            destination[token] = 15 << 4;
            WriteLength(destination, ref op, literalLength - 15);
        }
        else
        {
            destination[token] = (byte)(literalLength << 4);
        }

        source.Slice(anchor, literalLength).CopyTo(destination[op..]);
        op += literalLength;
        written = op;
        return true;
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
    /// Never writes past <paramref name="destination"/>: output that would overflow it is corrupt.
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination, int outputStart, int historyStart)
    {
        var ip = 0;
        var op = outputStart;
        var srcLength = source.Length;
        var dstLength = destination.Length;
        while (true)
        {
            if (ip >= srcLength)
            {
                CodecErrors.Corrupt(Codec, ip, "block ends before its last sequence");
            }

            int token = source[ip++];
            var literalLength = token >> 4;
            if (literalLength == 15)
            {
                literalLength += ReadLength(source, ref ip);
            }

            if (literalLength > srcLength - ip)
            {
                CodecErrors.Corrupt(Codec, ip, $"literal run of {literalLength} bytes exceeds the block");
            }

            if (literalLength > dstLength - op)
            {
                CodecErrors.Corrupt(Codec, ip, $"literal run of {literalLength} bytes exceeds the decompressed size");
            }

            source.Slice(ip, literalLength).CopyTo(destination[op..]);
            ip += literalLength;
            op += literalLength;
            if (ip == srcLength)
            {
                return op - outputStart;
            }

            if (srcLength - ip < 2)
            {
                CodecErrors.Corrupt(Codec, ip, "match offset truncated");
            }

            var offset = source[ip] | (source[ip + 1] << 8);
            ip += 2;
            if (offset == 0 || offset > op - historyStart)
            {
                CodecErrors.Corrupt(Codec, ip - 2, $"match offset {offset} points before the start of the output");
            }

            var matchLength = token & 15;
            if (matchLength == 15)
            {
                matchLength += ReadLength(source, ref ip);
            }

            matchLength += MinMatch;
            if (matchLength > dstLength - op)
            {
                CodecErrors.Corrupt(Codec, ip, $"match of {matchLength} bytes exceeds the decompressed size");
            }

            CopyMatch(destination, op, offset, matchLength);
            op += matchLength;
        }
    }

    /// <summary>Copies an LZ77 back-reference, which may overlap its own output (offset &lt; length repeats a pattern).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopyMatch(Span<byte> output, int op, int offset, int length)
    {
        var from = op - offset;
        if (offset >= length)
        {
            output.Slice(from, length).CopyTo(output.Slice(op, length));
            return;
        }

        if (offset >= 8)
        {
            // Copy in non-overlapping chunks of `offset` bytes.
            var done = 0;
            while (done < length)
            {
                var chunk = Math.Min(offset, length - done);
                output.Slice(from + done, chunk).CopyTo(output.Slice(op + done, chunk));
                done += chunk;
            }

            return;
        }

        for (var i = 0; i < length; i++)
        {
            output[op + i] = output[from + i];
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> source, ref int ip)
    {
        var total = 0;
        int b;
        do
        {
            if (ip >= source.Length)
            {
                CodecErrors.Corrupt(Codec, ip, "length extension truncated");
            }

            b = source[ip++];
            total += b;
            if (total > int.MaxValue / 2)
            {
                CodecErrors.Corrupt(Codec, ip, "length extension too large");
            }
        }
        while (b == 255);
        return total;
    }

    private static bool EmitSequence(ReadOnlySpan<byte> source, Span<byte> destination, ref int op, int literalStart, int literalLength, int offset, int matchLength)
    {
        var needed = 1L + (literalLength / 255) + 1 + literalLength + 2 + ((matchLength - MinMatch) / 255) + 1;
        if (op + needed > destination.Length)
        {
            return false;
        }

        var token = op++;
        int tokenValue;
        if (literalLength >= 15)
        {
            tokenValue = 15 << 4;
            WriteLength(destination, ref op, literalLength - 15);
        }
        else
        {
            tokenValue = literalLength << 4;
        }

        source.Slice(literalStart, literalLength).CopyTo(destination[op..]);
        op += literalLength;
        destination[op++] = (byte)offset;
        destination[op++] = (byte)(offset >> 8);
        var ml = matchLength - MinMatch;
        if (ml >= 15)
        {
            tokenValue |= 15;
            WriteLength(destination, ref op, ml - 15);
        }
        else
        {
            tokenValue |= ml;
        }

        destination[token] = (byte)tokenValue;
        return true;
    }

    private static void WriteLength(Span<byte> destination, ref int op, int remaining)
    {
        while (remaining >= 255)
        {
            destination[op++] = 255;
            remaining -= 255;
        }

        destination[op++] = (byte)remaining;
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
    private static uint Read32(ReadOnlySpan<byte> source, int index) => BinaryPrimitives.ReadUInt32LittleEndian(source[index..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint sequence) => (int)((sequence * 2654435761U) >> (32 - HashLog));
}
