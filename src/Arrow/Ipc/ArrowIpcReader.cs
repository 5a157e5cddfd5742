namespace Lakehouse.Arrow.Ipc;

/// <summary>Opens Arrow IPC data in either format, detected from the leading "ARROW1" magic.</summary>
public static class ArrowIpcReader
{
    /// <summary>True when <paramref name="bytes"/> start like an IPC file (as opposed to a stream).</summary>
    public static bool IsFileFormat(ReadOnlySpan<byte> bytes) => bytes.Length >= 6 && bytes[..6].SequenceEqual("ARROW1"u8);

    /// <summary>Opens a file or stream on disk (read into memory once; batches' buffers are zero-copy slices of it).</summary>
    public static IArrowBatchReader Open(string path, ArrowReadOptions? options = null)
    {
        options ??= ArrowReadOptions.Default;
        if (options.SourceName is null)
        {
            options = options with { SourceName = path };
        }

        return Open(File.ReadAllBytes(path), options);
    }

    public static IArrowBatchReader Open(ReadOnlyMemory<byte> bytes, ArrowReadOptions? options = null) =>
        IsFileFormat(bytes.Span) ? new ArrowFileReader(bytes, options) : new ArrowStreamReader(bytes, options);
}
