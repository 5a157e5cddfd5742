using Lakehouse.Parquet.Writing;

namespace Lakehouse.Table.Writing;

/// <summary>Options of a <see cref="TableWriter"/>; unset values come from the table properties.</summary>
public sealed record TableWriterOptions
{
    /// <summary>Roll to a new file once a file reaches this size (default <c>write.target-file-size-bytes</c>).</summary>
    public long? TargetFileSizeBytes { get; init; }

    /// <summary>Sort each batch by the table's sort order before writing (not yet implemented: rows are written in arrival order).</summary>
    public bool SortByTableOrder { get; init; }

    /// <summary>Parquet settings (compression, row group size).</summary>
    public ParquetWriteOptions? Parquet { get; init; }

    /// <summary>Added to the file names to tell writers apart (Iceberg's task id).</summary>
    public int TaskId { get; init; }
}
