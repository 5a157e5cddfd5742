using System.Buffers;
using System.IO.Compression;

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
}
