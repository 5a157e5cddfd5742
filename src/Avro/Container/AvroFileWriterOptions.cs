namespace Lakehouse.Avro.Container;

/// <summary>How an <see cref="AvroFileWriter"/> writes: codec, block size, extra metadata, sync marker.</summary>
public sealed record AvroFileWriterOptions
{
    public static AvroFileWriterOptions Default { get; } = new();

    public AvroCodec Codec { get; init; } = AvroCodec.Deflate;

    /// <summary>Codec level (deflate 0-9, zstd 1-22); null for the codec's default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>A block is written once its uncompressed bytes reach this size (default 64,000, like Java's sync interval).</summary>
    public int BlockSize { get; init; } = 64_000;

    /// <summary>Extra header metadata as UTF-8 strings (e.g. Iceberg's schema, partition-spec, format-version, content).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; init; } = [];

    /// <summary>Extra header metadata as raw bytes.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> BinaryMetadata { get; init; } = [];

    /// <summary>The 16-byte sync marker; null for a random one (set it for reproducible files).</summary>
    public byte[]? SyncMarker { get; init; }

    /// <summary>Leave the output stream open when the writer is disposed.</summary>
    public bool LeaveOpen { get; init; }
}
