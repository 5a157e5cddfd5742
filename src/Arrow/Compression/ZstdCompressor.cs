namespace Lakehouse.Arrow.Compression;

/// <summary>
/// A reusable zstd compression context (ZSTD_CCtx) at a fixed level: saves the context set-up cost when
/// compressing many small buffers. Safe to share between threads (calls are serialized); for parallel
/// work give each thread its own, or use <see cref="Zstd.Compress"/>, which keeps one per thread.
/// </summary>
public sealed class ZstdCompressor : IDisposable
{
    private readonly ZstdContextHandle _context;
    private readonly Lock _lock = new();

    public ZstdCompressor(int level = Zstd.DefaultLevel)
    {
        Level = level;
        _context = ZstdContextHandle.CreateCompression();
    }

    public int Level { get; }

    public unsafe int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_context.IsClosed, this);
            nuint result;
            fixed (byte* src = source)
            fixed (byte* dst = destination)
            {
                result = ZstdNative.CompressCCtx(_context.DangerousGetHandle(), dst, (nuint)destination.Length, src, (nuint)source.Length, Level);
            }

            if (ZstdNative.IsError(result) != 0)
            {
                throw new ArgumentException($"zstd: compression failed: {ZstdNative.ErrorName(result)}", nameof(destination));
            }

            return (int)result;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _context.Dispose();
        }
    }
}
