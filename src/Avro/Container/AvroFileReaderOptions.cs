namespace Lakehouse.Avro.Container;

/// <summary>Limits a container file reader enforces on untrusted input.</summary>
public sealed record AvroFileReaderOptions
{
    public static AvroFileReaderOptions Default { get; } = new();

    /// <summary>Largest decompressed block accepted (default 256 MiB).</summary>
    public int MaxBlockLength { get; init; } = 256 << 20;

    /// <summary>Most objects accepted in a file when the schema's values may take zero bytes each (e.g. "null").</summary>
    public long MaxZeroSizeObjects { get; init; } = 1 << 24;
}
