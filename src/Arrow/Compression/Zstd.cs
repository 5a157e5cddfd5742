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
}
