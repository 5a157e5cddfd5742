using System.Runtime.InteropServices;

namespace Lakehouse.Avro.Container;

/// <summary>
/// The operating system's libzstd, only for zstd frames whose header omits the content size (streaming
/// writers such as Java's do that); frames with a content size go through the shared compression codecs.
/// </summary>
internal static partial class ZstdNative
{
    private const string Library = "libzstd.so.1";

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressBound")]
    internal static partial ulong DecompressBound(ref byte src, nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompress")]
    internal static partial nuint Decompress(ref byte dst, nuint dstCapacity, ref byte src, nuint srcSize);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    internal static partial uint IsError(nuint code);
}
