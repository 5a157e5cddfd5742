using System.Buffers;
using System.IO.Compression;

using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>Brotli (RFC 7932, Parquet BROTLI) through System.IO.Compression's span API.</summary>
public static class Brotli
{
    public const int DefaultLevel = 5;

    private const string Codec = "brotli";

    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return BrotliEncoder.GetMaxCompressedLength(inputLength);
    }

    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int? level = null)
    {
        var quality = Math.Clamp(level ?? DefaultLevel, 0, 11);
        if (!BrotliEncoder.TryCompress(source, destination, out var written, quality, 22))
        {
            CodecErrors.DestinationTooSmall(Codec, MaxCompressedLength(source.Length), destination.Length);
        }

        return written;
    }

    public static void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        using var decoder = default(BrotliDecoder);

        // An empty destination cannot show whether the stream ends there: decode into one spare byte.
        Span<byte> spare = stackalloc byte[1];
        var status = decoder.Decompress(source, destination.IsEmpty ? spare : destination, out var consumed, out var written);
        switch (status)
        {
            case OperationStatus.Done when written == destination.Length && consumed == source.Length:
                return;
            case OperationStatus.Done:
                CodecErrors.Corrupt(Codec, consumed, $"stream holds {written} bytes in {consumed} of {source.Length} input bytes, expected {destination.Length} bytes");
                break;
            case OperationStatus.DestinationTooSmall:
                CodecErrors.Corrupt(Codec, consumed, $"stream holds more than the expected {destination.Length} bytes");
                break;
            case OperationStatus.NeedMoreData:
                CodecErrors.Corrupt(Codec, consumed, "stream is truncated");
                break;
            default:
                CodecErrors.Corrupt(Codec, consumed, "invalid brotli data");
                break;
        }
    }

    /// <summary>Decompresses a stream of unknown size, appending at most <paramref name="maxLength"/> bytes.</summary>
    public static int DecompressUnknownLength(ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength)
    {
        var start = destination.Length;
        using var decoder = default(BrotliDecoder);
        var consumed = 0;
        while (true)
        {
            var written = destination.Length - start;
            var room = Math.Min(Math.Max(64 * 1024, written), maxLength - written + 1);
            var status = decoder.Decompress(source[consumed..], destination.GetSpan(room)[..room], out var used, out var produced);
            consumed += used;
            destination.Advance(produced);
            if (destination.Length - start > maxLength)
            {
                CodecErrors.Corrupt(Codec, consumed, $"decompressed data exceeds the limit of {maxLength} bytes");
            }

            switch (status)
            {
                case OperationStatus.Done when consumed == source.Length:
                    return destination.Length - start;
                case OperationStatus.Done:
                    CodecErrors.Corrupt(Codec, consumed, "data after the end of the stream");
                    break;
                case OperationStatus.DestinationTooSmall:
                    continue;
                case OperationStatus.NeedMoreData:
                    CodecErrors.Corrupt(Codec, consumed, "stream is truncated");
                    break;
                default:
                    CodecErrors.Corrupt(Codec, consumed, "invalid brotli data");
                    break;
            }
        }
    }
}
