using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>Options of <see cref="ParquetWriter"/>.</summary>
public sealed record ParquetWriteOptions
{
    public static ParquetWriteOptions Default { get; } = new();

    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Codec level (zstd 1..22, gzip 0..9); null for the codec default.</summary>
    public int? CompressionLevel { get; init; }

    /// <summary>Rows per row group (the writer cuts a row group once it holds this many rows).</summary>
    public int RowGroupSize { get; init; } = 1024 * 1024;

    /// <summary>Target uncompressed size of a data page in bytes; pages end at row boundaries.</summary>
    public int PageSize { get; init; } = 1024 * 1024;

    public bool EnableDictionary { get; init; } = true;

    /// <summary>When a column's dictionary grows beyond this many bytes, the rest of the chunk is written PLAIN.</summary>
    public int DictionaryPageSizeLimit { get; init; } = 1024 * 1024;

    /// <summary>Binary/string min and max statistics longer than this are truncated (and marked inexact).</summary>
    public int StatisticsTruncateLength { get; init; } = 64;

    public string CreatedBy { get; init; } = "lakehouse-parquet version 0.1.0";

    /// <summary>File-level key/value metadata (in addition to the Arrow schema's own metadata).</summary>
    public IReadOnlyList<KeyValue>? KeyValueMetadata { get; init; }
}
