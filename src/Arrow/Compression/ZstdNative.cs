using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Compression;

/// <summary>P/Invoke declarations for the operating system's libzstd (Debian package libzstd1).</summary>
internal static unsafe partial class ZstdNative
{
    public const string Library = "libzstd.so.1";

    [LibraryImport(Library, EntryPoint = "ZSTD_compressBound")]
    public static partial nuint CompressBound(nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_compress")]
    public static partial nuint Compress(byte* dst, nuint dstCapacity, byte* src, nuint srcSize, int compressionLevel);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompress")]
    public static partial nuint Decompress(byte* dst, nuint dstCapacity, byte* src, nuint compressedSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    public static partial uint IsError(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    public static partial nint GetErrorName(nuint code);

    [LibraryImport(Library, EntryPoint = "ZSTD_createCCtx")]
    public static partial nint CreateCCtx();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeCCtx")]
    public static partial nuint FreeCCtx(nint cctx);

    [LibraryImport(Library, EntryPoint = "ZSTD_compressCCtx")]
    public static partial nuint CompressCCtx(nint cctx, byte* dst, nuint dstCapacity, byte* src, nuint srcSize, int compressionLevel);

    [LibraryImport(Library, EntryPoint = "ZSTD_createDCtx")]
    public static partial nint CreateDCtx();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeDCtx")]
    public static partial nuint FreeDCtx(nint dctx);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressDCtx")]
    public static partial nuint DecompressDCtx(nint dctx, byte* dst, nuint dstCapacity, byte* src, nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_DCtx_reset")]
    public static partial nuint DCtxReset(nint dctx, int resetDirective);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressStream")]
    public static partial nuint DecompressStream(nint dctx, ref Buffer output, ref Buffer input);

    [LibraryImport(Library, EntryPoint = "ZSTD_minCLevel")]
    public static partial int MinCLevel();

    [LibraryImport(Library, EntryPoint = "ZSTD_maxCLevel")]
    public static partial int MaxCLevel();

    /// <summary>Layout of both ZSTD_inBuffer and ZSTD_outBuffer: pointer, size, position.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Buffer
    {
        public byte* Pointer;
        public nuint Size;
        public nuint Position;
    }

    public static string ErrorName(nuint code) => Marshal.PtrToStringAnsi(GetErrorName(code)) ?? $"error {code}";
}
