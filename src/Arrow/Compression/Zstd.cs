using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// zstd through the operating system's libzstd.so.1. Decompression accepts one or more concatenated
/// frames (and skippable frames), with or without a content size in their headers.
/// </summary>
public static class Zstd
{
    public const int DefaultLevel = 3;

    private const string Codec = "zstd";

    [ThreadStatic]
    private static ZstdCompressor? s_compressor;

    [ThreadStatic]
    private static ZstdContextHandle? s_decompressor;

    public static int MaxCompressedLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        var bound = ZstdNative.CompressBound((nuint)inputLength);
        return bound > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(inputLength)) : (int)bound;
    }

    /// <summary>Compresses with a per-thread reusable context.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level = DefaultLevel)
    {
        var compressor = s_compressor;
        if (compressor is null || compressor.Level != level)
        {
            compressor?.Dispose();
            compressor = s_compressor = new ZstdCompressor(level);
        }

        return compressor.Compress(source, destination);
    }

    /// <summary>Decompresses frames that must fill <paramref name="destination"/> exactly.</summary>
    public static unsafe void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var context = s_decompressor ??= ZstdContextHandle.CreateDecompression();
        nuint result;
        fixed (byte* src = source)
        fixed (byte* dst = destination)
        {
            // ZSTD_decompressDCtx walks every concatenated frame and writes into the caller's capacity,
            // so frames without a content size work too; output beyond the capacity is an error.
            result = ZstdNative.DecompressDCtx(context.DangerousGetHandle(), dst, (nuint)destination.Length, src, (nuint)source.Length);
        }

        if (ZstdNative.IsError(result) != 0)
        {
            CodecErrors.Corrupt(Codec, -1, ZstdNative.ErrorName(result));
        }

        if (result != (nuint)destination.Length)
        {
            CodecErrors.Corrupt(Codec, source.Length, $"frames hold {result} bytes, expected {destination.Length}");
        }
    }

    /// <summary>
    /// Decompresses frames whose total size is not known up front (e.g. Avro blocks) with the streaming API,
    /// appending to <paramref name="destination"/>; more than <paramref name="maxLength"/> bytes is corrupt.
    /// Returns the bytes appended.
    /// </summary>
    public static unsafe int DecompressUnknownLength(ReadOnlySpan<byte> source, BufferBuilder destination, int maxLength)
    {
        var context = s_decompressor ??= ZstdContextHandle.CreateDecompression();
        var handle = context.DangerousGetHandle();
        ZstdNative.DCtxReset(handle, 1);
        var start = destination.Length;
        fixed (byte* src = source)
        {
            var input = new ZstdNative.Buffer { Pointer = src, Size = (nuint)source.Length };
            nuint hint;
            while (true)
            {
                var written = destination.Length - start;
                var room = Math.Min(Math.Max(64 * 1024, written), maxLength - written + 1);
                var span = destination.GetSpan(room)[..room];
                var consumedBefore = input.Position;
                fixed (byte* dst = span)
                {
                    var output = new ZstdNative.Buffer { Pointer = dst, Size = (nuint)span.Length };
                    hint = ZstdNative.DecompressStream(handle, ref output, ref input);
                    if (ZstdNative.IsError(hint) != 0)
                    {
                        CodecErrors.Corrupt(Codec, (long)input.Position, ZstdNative.ErrorName(hint));
                    }

                    destination.Advance((int)output.Position);
                    if (destination.Length - start > maxLength)
                    {
                        CodecErrors.Corrupt(Codec, (long)input.Position, $"decompressed data exceeds the limit of {maxLength} bytes");
                    }

                    // Done when all input is read and the last frame is complete and flushed; a call that makes
                    // no progress at all means the input ends inside a frame.
                    if (input.Position == input.Size && hint == 0)
                    {
                        break;
                    }

                    if (output.Position == 0 && consumedBefore == input.Position)
                    {
                        CodecErrors.Corrupt(Codec, source.Length, "input ends inside a frame");
                    }
                }
            }

            if (hint != 0)
            {
                CodecErrors.Corrupt(Codec, source.Length, "input ends inside a frame");
            }
        }

        return destination.Length - start;
    }
}
