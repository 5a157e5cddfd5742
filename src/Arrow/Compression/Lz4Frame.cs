using System.Buffers.Binary;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// The LZ4 frame format (Arrow IPC LZ4_FRAME), written from the LZ4 frame format description. Writes one
/// frame of independent blocks with content size and content checksum; reads any conforming frame: linked
/// or independent blocks, uncompressed blocks, block and content checksums, content size, several
/// concatenated frames and skippable frames.
/// </summary>
public static class Lz4Frame
{
    public const uint Magic = 0x184D2204;
    public const uint SkippableMagicMask = 0xFFFFFFF0;
    public const uint SkippableMagic = 0x184D2A50;

    private const string Codec = "lz4 frame";
    private const int WriteBlockSizeId = 7;
    private const int WriteBlockSize = 4 << 20;
    private const int HeaderLength = 4 + 2 + 8 + 1;

    /// <summary>Worst-case frame size for <paramref name="inputLength"/> bytes (blocks stored raw when they do not shrink).</summary>
    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        var blocks = (inputLength / WriteBlockSize) + 1;
        return checked(HeaderLength + (blocks * 4) + inputLength + 4 + 4);
    }

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var bound = MaxCompressedLength(source.Length);
        if (destination.Length < bound)
        {
            CodecErrors.DestinationTooSmall(Codec, bound, destination.Length);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);

        // FLG: version 01, independent blocks, content size, content checksum. BD: 4 MB maximum block size.
        destination[4] = 0x40 | 0x20 | 0x08 | 0x04;
        destination[5] = WriteBlockSizeId << 4;
        BinaryPrimitives.WriteUInt64LittleEndian(destination[6..], (ulong)source.Length);
        destination[14] = (byte)(XxHash32.Hash(destination[4..14]) >> 8);
        var op = HeaderLength;
        for (var start = 0; start < source.Length; start += WriteBlockSize)
        {
            var block = source.Slice(start, Math.Min(WriteBlockSize, source.Length - start));

            // Compress only if it shrinks: the output window is one byte smaller than the raw block.
            if (Lz4Block.TryCompress(block, destination.Slice(op + 4, block.Length - 1), out var written))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[op..], (uint)written);
                op += 4 + written;
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[op..], 0x80000000U | (uint)block.Length);
                block.CopyTo(destination[(op + 4)..]);
                op += 4 + block.Length;
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination[op..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[(op + 4)..], XxHash32.Hash(source));
        return op + 8;
    }

    /// <summary>Decompresses every frame in <paramref name="source"/>; their content must fill <paramref name="destination"/> exactly.</summary>
    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = Decompress(source, destination, out _);
        if (written != destination.Length)
        {
            CodecErrors.Corrupt(Codec, source.Length, $"frames hold {written} bytes, expected {destination.Length}");
        }
    }

    /// <summary>Decompresses every frame in <paramref name="source"/> into <paramref name="destination"/>; returns bytes written.</summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination, out int frames)
    {
        var ip = 0;
        var op = 0;
        frames = 0;
        if (source.IsEmpty)
        {
            CodecErrors.Corrupt(Codec, 0, "no frame");
        }

        while (ip < source.Length)
        {
            if (source.Length - ip < 4)
            {
                CodecErrors.Corrupt(Codec, ip, "truncated magic number");
            }

            var magic = BinaryPrimitives.ReadUInt32LittleEndian(source[ip..]);
            if ((magic & SkippableMagicMask) == SkippableMagic)
            {
                if (source.Length - ip < 8)
                {
                    CodecErrors.Corrupt(Codec, ip, "truncated skippable frame header");
                }

                var size = BinaryPrimitives.ReadUInt32LittleEndian(source[(ip + 4)..]);
                if (size > (uint)(source.Length - ip - 8))
                {
                    CodecErrors.Corrupt(Codec, ip, $"skippable frame of {size} bytes exceeds the input");
                }

                ip += 8 + (int)size;
                continue;
            }

            if (magic != Magic)
            {
                CodecErrors.Corrupt(Codec, ip, $"bad magic number 0x{magic:X8}, expected 0x{Magic:X8}");
            }

            ip = DecompressFrame(source, ip, destination, ref op);
            frames++;
        }

        return op;
    }

    private static int DecompressFrame(ReadOnlySpan<byte> source, int ip, Span<byte> destination, ref int op)
    {
        var frameOffset = ip;
        ip += 4;
        if (source.Length - ip < 3)
        {
            CodecErrors.Corrupt(Codec, ip, "truncated frame descriptor");
        }

        var descriptorStart = ip;
        int flg = source[ip++];
        int bd = source[ip++];
        if (flg >> 6 != 1)
        {
            CodecErrors.Corrupt(Codec, descriptorStart, $"unsupported frame version {flg >> 6}");
        }

        if ((flg & 0x02) != 0 || (bd & 0x8F) != 0)
        {
            CodecErrors.Corrupt(Codec, descriptorStart, "reserved bits set in frame descriptor");
        }

        var independent = (flg & 0x20) != 0;
        var blockChecksum = (flg & 0x10) != 0;
        var hasContentSize = (flg & 0x08) != 0;
        var contentChecksum = (flg & 0x04) != 0;
        var hasDictionary = (flg & 0x01) != 0;
        var blockSizeId = (bd >> 4) & 7;
        if (blockSizeId < 4)
        {
            CodecErrors.Corrupt(Codec, descriptorStart + 1, $"invalid block maximum size id {blockSizeId}");
        }

        var blockMax = 1 << (8 + (2 * blockSizeId));
        var descriptorLength = 2 + (hasContentSize ? 8 : 0) + (hasDictionary ? 4 : 0);
        if (source.Length - descriptorStart < descriptorLength + 1)
        {
            CodecErrors.Corrupt(Codec, descriptorStart, "truncated frame descriptor");
        }

        long contentSize = -1;
        if (hasContentSize)
        {
            var size = BinaryPrimitives.ReadUInt64LittleEndian(source[ip..]);
            if (size > (ulong)(destination.Length - op))
            {
                CodecErrors.Corrupt(Codec, ip, $"frame content size {size} exceeds the expected decompressed size");
            }

            contentSize = (long)size;
            ip += 8;
        }

        if (hasDictionary)
        {
            CodecErrors.Corrupt(Codec, ip, "frames that need a dictionary are not supported");
        }

        var headerChecksum = source[ip];
        var expected = (byte)(XxHash32.Hash(source.Slice(descriptorStart, descriptorLength)) >> 8);
        if (headerChecksum != expected)
        {
            CodecErrors.Corrupt(Codec, ip, $"header checksum 0x{headerChecksum:X2} does not match 0x{expected:X2}");
        }

        ip++;
        var frameStart = op;
        while (true)
        {
            if (source.Length - ip < 4)
            {
                CodecErrors.Corrupt(Codec, ip, "truncated block size");
            }

            var sizeField = BinaryPrimitives.ReadUInt32LittleEndian(source[ip..]);
            ip += 4;
            if (sizeField == 0)
            {
                break;
            }

            var stored = (sizeField & 0x80000000U) != 0;
            var size = (int)(sizeField & 0x7FFFFFFFU);
            if (size > blockMax)
            {
                CodecErrors.Corrupt(Codec, ip - 4, $"block of {size} bytes exceeds the frame's maximum block size {blockMax}");
            }

            var tail = blockChecksum ? 4 : 0;
            if (size > source.Length - ip - tail)
            {
                CodecErrors.Corrupt(Codec, ip - 4, $"block of {size} bytes exceeds the input");
            }

            var block = source.Slice(ip, size);
            if (blockChecksum)
            {
                var actual = XxHash32.Hash(block);
                var want = BinaryPrimitives.ReadUInt32LittleEndian(source[(ip + size)..]);
                if (actual != want)
                {
                    CodecErrors.Corrupt(Codec, ip + size, "block checksum mismatch");
                }
            }

            if (stored)
            {
                if (size > destination.Length - op)
                {
                    CodecErrors.Corrupt(Codec, ip, "uncompressed block exceeds the expected decompressed size");
                }

                block.CopyTo(destination[op..]);
                op += size;
            }
            else
            {
                var window = destination[..(int)Math.Min(destination.Length, (long)op + blockMax)];
                try
                {
                    op += Lz4Block.Decompress(block, window, op, independent ? op : frameStart);
                }
                catch (CorruptFileException e)
                {
                    throw new CorruptFileException(null, ip + Math.Max(0, e.Offset), $"{Codec}: {e.Problem}", e);
                }
            }

            ip += size + tail;
        }

        if (contentChecksum)
        {
            if (source.Length - ip < 4)
            {
                CodecErrors.Corrupt(Codec, ip, "truncated content checksum");
            }

            var want = BinaryPrimitives.ReadUInt32LittleEndian(source[ip..]);
            if (XxHash32.Hash(destination[frameStart..op]) != want)
            {
                CodecErrors.Corrupt(Codec, ip, "content checksum mismatch");
            }

            ip += 4;
        }

        if (contentSize >= 0 && op - frameStart != contentSize)
        {
            CodecErrors.Corrupt(Codec, frameOffset, $"frame holds {op - frameStart} bytes but its header says {contentSize}");
        }

        return ip;
    }
}
