using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Compression;

/// <summary>Owns a native ZSTD_CCtx or ZSTD_DCtx and frees it exactly once.</summary>
internal sealed class ZstdContextHandle : SafeHandle
{
    private readonly bool _compression;

    private ZstdContextHandle(nint handle, bool compression)
        : base(0, ownsHandle: true)
    {
        _compression = compression;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    public static ZstdContextHandle CreateCompression() => Create(ZstdNative.CreateCCtx(), compression: true);

    public static ZstdContextHandle CreateDecompression() => Create(ZstdNative.CreateDCtx(), compression: false);

    protected override bool ReleaseHandle()
    {
        if (_compression)
        {
            ZstdNative.FreeCCtx(handle);
        }
        else
        {
            ZstdNative.FreeDCtx(handle);
        }

        return true;
    }

    private static ZstdContextHandle Create(nint handle, bool compression) =>
        handle == 0 ? throw new OutOfMemoryException("libzstd could not allocate a context") : new ZstdContextHandle(handle, compression);
}
