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

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var ip = 0;
        var length = ReadVarint(source, ref ip);
        if (length != (ulong)destination.Length)
        {
            CodecErrors.Corrupt(Codec, 0, $"block says {length} uncompressed bytes, expected {destination.Length}");
        }

        var op = 0;
        var srcLength = source.Length;
        var dstLength = destination.Length;
        while (ip < srcLength)
        {
            int tag = source[ip++];
            int offset;
            long copyLength;
            switch (tag & 3)
            {
                case 0:
                {
                    long literalLength = tag >> 2;
                    if (literalLength >= 60)
                    {
                        var bytes = (int)literalLength - 59;
                        if (srcLength - ip < bytes)
                        {
                            CodecErrors.Corrupt(Codec, ip, "literal length truncated");
                        }

                        literalLength = 0;
                        for (var i = 0; i < bytes; i++)
                        {
                            literalLength |= (long)source[ip + i] << (8 * i);
                        }

                        ip += bytes;
                    }

                    literalLength++;
                    if (literalLength > srcLength - ip || literalLength > dstLength - op)
                    {
                        CodecErrors.Corrupt(Codec, ip, $"literal of {literalLength} bytes exceeds the input or the uncompressed length");
                    }

                    source.Slice(ip, (int)literalLength).CopyTo(destination[op..]);
                    ip += (int)literalLength;
                    op += (int)literalLength;
                    continue;
                }

                case 1:
                    if (ip >= srcLength)
                    {
                        CodecErrors.Corrupt(Codec, ip, "copy offset truncated");
                    }

                    copyLength = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | source[ip++];
                    break;
                case 2:
                    if (srcLength - ip < 2)
                    {
                        CodecErrors.Corrupt(Codec, ip, "copy offset truncated");
                    }

                    copyLength = 1 + (tag >> 2);
                    offset = BinaryPrimitives.ReadUInt16LittleEndian(source[ip..]);
                    ip += 2;
                    break;
                default:
                {
                    if (srcLength - ip < 4)
                    {
                        CodecErrors.Corrupt(Codec, ip, "copy offset truncated");
                    }

                    copyLength = 1 + (tag >> 2);
                    var wide = BinaryPrimitives.ReadUInt32LittleEndian(source[ip..]);
                    ip += 4;
                    offset = wide > int.MaxValue ? int.MaxValue : (int)wide;
                    break;
                }
            }

            if (offset == 0 || offset > op)
            {
                CodecErrors.Corrupt(Codec, ip, $"copy offset {offset} points before the start of the output");
            }

            if (copyLength > dstLength - op)
            {
                CodecErrors.Corrupt(Codec, ip, $"copy of {copyLength} bytes exceeds the uncompressed length");
            }

            Lz4Block.CopyMatch(destination, op, offset, (int)copyLength);
            op += (int)copyLength;
        }

        if (op != dstLength)
        {
            CodecErrors.Corrupt(Codec, ip, $"block holds {op} bytes, expected {dstLength}");
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
            var limit = n - 4;
            var ip = 1;
            var searches = 1 << SkipTrigger;
            while (ip <= limit)
            {
                var sequence = BinaryPrimitives.ReadUInt32LittleEndian(source[ip..]);
                var h = Hash(sequence);
                int candidate = table[h];
                table[h] = (ushort)ip;
                if (candidate >= ip || BinaryPrimitives.ReadUInt32LittleEndian(source[candidate..]) != sequence)
                {
                    ip += searches++ >> SkipTrigger;
                    continue;
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
                    table[Hash(BinaryPrimitives.ReadUInt32LittleEndian(source[(ip - 1)..]))] = (ushort)(ip - 1);
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
    private static int Hash(uint sequence) => (int)((sequence * 0x1E35A7BDU) >> (32 - HashLog));
}
