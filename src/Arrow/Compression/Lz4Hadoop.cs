using System.Buffers.Binary;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// Hadoop's LZ4 framing, as parquet-mr writes for the legacy Parquet LZ4 codec: chunks of a big-endian
/// uncompressed length followed by one or more (big-endian compressed length, LZ4 block) pairs. Reading
/// falls back to a raw LZ4 block when the framing does not parse, as other Parquet readers do (some
/// writers put raw LZ4 under the legacy codec id).
/// </summary>
public static class Lz4Hadoop
{
    private const string Codec = "lz4 hadoop";

    /// <summary>Uncompressed bytes per chunk; kept under Hadoop's default 256 KiB codec buffer.</summary>
    private const int ChunkSize = 128 * 1024;

    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        var chunks = (inputLength / ChunkSize) + 1;
        return checked((chunks * 8) + Lz4Block.MaxCompressedLength(inputLength) + (chunks * 16));
    }

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var bound = MaxCompressedLength(source.Length);
        if (destination.Length < bound)
        {
            CodecErrors.DestinationTooSmall(Codec, bound, destination.Length);
        }

        var op = 0;
        var start = 0;
        do
        {
            var chunk = source.Slice(start, Math.Min(ChunkSize, source.Length - start));
            BinaryPrimitives.WriteUInt32BigEndian(destination[op..], (uint)chunk.Length);
            var written = Lz4Block.Compress(chunk, destination[(op + 8)..]);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(op + 4)..], (uint)written);
            op += 8 + written;
            start += chunk.Length;
        }
        while (start < source.Length);
        return op;
    }

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (TryDecompressHadoop(source, destination, out var problem))
        {
            return;
        }

        try
        {
            Lz4Block.Decompress(source, destination);
        }
        catch (CorruptFileException e)
        {
            throw new CorruptFileException(null, -1, $"{Codec}: neither Hadoop framing ({problem}) nor a raw LZ4 block ({e.Problem})", e);
        }
    }

    /// <summary>Decodes the Hadoop framing; false (with the reason) when the input is not framed that way.</summary>
    public static bool TryDecompressHadoop(ReadOnlySpan<byte> source, Span<byte> destination, out string? problem)
    {
        var ip = 0;
        var op = 0;
        problem = null;
        try
        {
            while (ip < source.Length)
            {
                if (source.Length - ip < 8)
                {
                    problem = $"truncated chunk header at byte {ip}";
                    return false;
                }

                var chunkLength = BinaryPrimitives.ReadUInt32BigEndian(source[ip..]);
                ip += 4;
                if (chunkLength > (uint)(destination.Length - op))
                {
                    problem = $"chunk of {chunkLength} bytes exceeds the decompressed size";
                    return false;
                }

                var chunkEnd = op + (int)chunkLength;
                do
                {
                    if (source.Length - ip < 4)
                    {
                        problem = $"truncated block header at byte {ip}";
                        return false;
                    }

                    var blockLength = BinaryPrimitives.ReadUInt32BigEndian(source[ip..]);
                    ip += 4;
                    if (blockLength > (uint)(source.Length - ip) || blockLength == 0)
                    {
                        problem = $"block of {blockLength} bytes at byte {ip - 4} does not fit the input";
                        return false;
                    }

                    var written = Lz4Block.Decompress(source.Slice(ip, (int)blockLength), destination[..chunkEnd], op, op);
                    ip += (int)blockLength;
                    op += written;
                    if (written == 0 && op < chunkEnd)
                    {
                        problem = "empty block inside a non-empty chunk";
                        return false;
                    }
                }
                while (op < chunkEnd);
            }
        }
        catch (CorruptFileException e)
        {
            problem = e.Problem;
            return false;
        }

        if (op != destination.Length)
        {
            problem = $"chunks hold {op} bytes, expected {destination.Length}";
            return false;
        }

        return true;
    }
}
