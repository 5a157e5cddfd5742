using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// The raw snappy format (Parquet SNAPPY, Avro "snappy" without its CRC), written from the snappy format
/// description: a varint uncompressed length, then literal and copy elements. The compressor works on
/// 64 KiB fragments with a hash table; the decompressor checks every length and offset.
/// </summary>
public static class Snappy
{
    private const string Codec = "snappy";
    private const int FragmentSize = 1 << 16;
    private const int HashLog = 14;
    private const int SkipTrigger = 5;

    [ThreadStatic]
    private static ushort[]? s_hashTable;

    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return checked(32 + inputLength + (inputLength / 6));
    }

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var bound = MaxCompressedLength(source.Length);
        if (destination.Length < bound)
        {
            CodecErrors.DestinationTooSmall(Codec, bound, destination.Length);
        }

        var op = 0;
        var length = (uint)source.Length;
        while (length >= 0x80)
        {
            destination[op++] = (byte)(length | 0x80);
            length >>= 7;
        }

        destination[op++] = (byte)length;
        var table = s_hashTable ??= new ushort[1 << HashLog];
        for (var start = 0; start < source.Length; start += FragmentSize)
        {
            var fragment = source.Slice(start, Math.Min(FragmentSize, source.Length - start));
            op += CompressFragment(fragment, destination[op..], table);
        }

        return op;
    }

    public static unsafe void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var start = 0;
        var length = ReadVarint(source, ref start);
        if (length != (ulong)destination.Length)
        {
            CodecErrors.Corrupt(Codec, 0, $"block says {length} uncompressed bytes, expected {destination.Length}");
        }

        fixed (byte* srcBase = source)
        fixed (byte* dstBase = destination)
        {
            var ip = srcBase + start;
            var iend = srcBase + source.Length;
            var op = dstBase;
            var oend = dstBase + destination.Length;
            while (ip < iend)
            {
                int tag = *ip++;
                nint offset;
                nint copyLength;
                switch (tag & 3)
                {
                    case 0:
                    {
                        nint literalLength = tag >> 2;
                        if (literalLength >= 60)
                        {
                            var bytes = (int)literalLength - 59;
                            if (iend - ip < bytes)
                            {
                                CodecErrors.Corrupt(Codec, ip - srcBase, "literal length truncated");
                            }

                            long wide = 0;
                            for (var i = 0; i < bytes; i++)
                            {
                                wide |= (long)ip[i] << (8 * i);
                            }

                            ip += bytes;
                            if (wide >= int.MaxValue)
                            {
                                CodecErrors.Corrupt(Codec, ip - srcBase, $"literal of {wide + 1} bytes is too long");
                            }

                            literalLength = (nint)wide;
                        }

                        literalLength++;
                        if (literalLength > iend - ip || literalLength > oend - op)
                        {
                            CodecErrors.Corrupt(Codec, ip - srcBase, $"literal of {literalLength} bytes exceeds the input or the uncompressed length");
                        }

                        if (literalLength <= 16 && iend - ip >= 16 && oend - op >= 16)
                        {
                            Unsafe.CopyBlockUnaligned(op, ip, 16);
                        }
                        else
                        {
                            Buffer.MemoryCopy(ip, op, oend - op, literalLength);
                        }

                        ip += literalLength;
                        op += literalLength;
                        continue;
                    }

                    case 1:
                        if (ip >= iend)
                        {
                            CodecErrors.Corrupt(Codec, ip - srcBase, "copy offset truncated");
                        }

                        copyLength = 4 + ((tag >> 2) & 7);
                        offset = ((tag >> 5) << 8) | *ip++;
                        break;
                    case 2:
                        if (iend - ip < 2)
                        {
                            CodecErrors.Corrupt(Codec, ip - srcBase, "copy offset truncated");
                        }

                        copyLength = 1 + (tag >> 2);
                        offset = ip[0] | (ip[1] << 8);
                        ip += 2;
                        break;
                    default:
                    {
                        if (iend - ip < 4)
                        {
                            CodecErrors.Corrupt(Codec, ip - srcBase, "copy offset truncated");
                        }

                        copyLength = 1 + (tag >> 2);
                        var wide = Unsafe.ReadUnaligned<uint>(ip);
                        if (!BitConverter.IsLittleEndian)
                        {
                            wide = BinaryPrimitives.ReverseEndianness(wide);
                        }

                        ip += 4;
                        offset = wide > int.MaxValue ? int.MaxValue : (nint)wide;
                        break;
                    }
                }

                if (offset == 0 || offset > op - dstBase)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, $"copy offset {offset} points before the start of the output");
                }

                if (copyLength > oend - op)
                {
                    CodecErrors.Corrupt(Codec, ip - srcBase, $"copy of {copyLength} bytes exceeds the uncompressed length");
                }

                Lz4Block.CopyMatch(op, offset, copyLength, oend);
                op += copyLength;
            }

            if (op != oend)
            {
                CodecErrors.Corrupt(Codec, ip - srcBase, $"block holds {op - dstBase} bytes, expected {destination.Length}");
            }
        }
    }

    /// <summary>Reads the uncompressed length at the start of a snappy block.</summary>
    public static int GetUncompressedLength(ReadOnlySpan<byte> source)
    {
        var ip = 0;
        var length = ReadVarint(source, ref ip);
        return length > int.MaxValue ? CodecErrors.Corrupt<int>(Codec, 0, $"uncompressed length {length} is too large") : (int)length;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> source, ref int ip)
    {
        ulong value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (ip >= source.Length)
            {
                CodecErrors.Corrupt(Codec, ip, "uncompressed length truncated");
            }

            var b = source[ip++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        return CodecErrors.Corrupt<ulong>(Codec, ip, "uncompressed length varint too long");
    }

    private static int CompressFragment(ReadOnlySpan<byte> source, Span<byte> destination, ushort[] table)
    {
        table.AsSpan().Clear();
        var n = source.Length;
        var op = 0;
        var anchor = 0;
        if (n >= 16)
        {
            // Candidates are found through a hash of five bytes (needs eight readable bytes).
            var limit = n - 8;
            var ip = 1;
            var searches = 1 << SkipTrigger;
            while (ip <= limit)
            {
                var sequence = BinaryPrimitives.ReadUInt64LittleEndian(source[ip..]);
                var h = Hash5(sequence);
                int candidate = table[h];
                table[h] = (ushort)ip;
                if (candidate >= ip || BinaryPrimitives.ReadUInt32LittleEndian(source[candidate..]) != (uint)sequence)
                {
                    ip += searches++ >> SkipTrigger;
                    continue;
                }

                while (ip > anchor && candidate > 0 && source[ip - 1] == source[candidate - 1])
                {
                    ip--;
                    candidate--;
                }

                var length = 4 + Lz4Block.CommonLength(source, candidate + 4, ip + 4, n);
                if (ip > anchor)
                {
                    EmitLiteral(source.Slice(anchor, ip - anchor), destination, ref op);
                }

                EmitCopy(destination, ref op, ip - candidate, length);
                ip += length;
                anchor = ip;
                searches = 1 << SkipTrigger;
                if (ip <= limit)
                {
                    table[Hash5(BinaryPrimitives.ReadUInt64LittleEndian(source[(ip - 1)..]))] = (ushort)(ip - 1);
                }
            }
        }

        if (anchor < n)
        {
            EmitLiteral(source[anchor..], destination, ref op);
        }

        return op;
    }

    private static void EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> destination, ref int op)
    {
        var n = literal.Length - 1;
        if (n < 60)
        {
            destination[op++] = (byte)(n << 2);
        }
        else if (n < 1 << 8)
        {
            destination[op++] = 60 << 2;
            destination[op++] = (byte)n;
        }
        else
        {
            // Fragments are at most 64 KiB, so two length bytes always suffice.
            destination[op++] = 61 << 2;
            destination[op++] = (byte)n;
            destination[op++] = (byte)(n >> 8);
        }

        literal.CopyTo(destination[op..]);
        op += literal.Length;
    }

    private static void EmitCopy(Span<byte> destination, ref int op, int offset, int length)
    {
        while (length >= 68)
        {
            EmitCopy2(destination, ref op, offset, 64);
            length -= 64;
        }

        if (length > 64)
        {
            EmitCopy2(destination, ref op, offset, 60);
            length -= 60;
        }

        if (length < 12 && offset < 2048)
        {
            destination[op++] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            destination[op++] = (byte)offset;
        }
        else
        {
            EmitCopy2(destination, ref op, offset, length);
        }
    }

    private static void EmitCopy2(Span<byte> destination, ref int op, int offset, int length)
    {
        destination[op++] = (byte)(2 | ((length - 1) << 2));
        destination[op++] = (byte)offset;
        destination[op++] = (byte)(offset >> 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash5(ulong sequence) => (int)(((sequence << 24) * 889523592379UL) >> (64 - HashLog));
}
