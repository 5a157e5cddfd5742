namespace Lakehouse.Parquet.Reading;

/// <summary>Options of <see cref="ParquetReader"/>.</summary>
public sealed record ParquetReadOptions
{
    public static ParquetReadOptions Default { get; } = new();

    /// <summary>Read dictionary-encoded string columns as Arrow dictionary arrays (int32 indices) instead of plain strings.</summary>
    public bool KeepStringDictionaries { get; init; }

    /// <summary>Rows per batch from <see cref="ParquetReader.ReadBatchesAsync"/> (batches are zero-copy slices of a row group).</summary>
    public int BatchSize { get; init; } = 64 * 1024;

    /// <summary>Verify the CRC-32 of pages that carry one (PageHeader.crc) and reject mismatches as corrupt.</summary>
    public bool VerifyPageChecksums { get; init; }

    /// <summary>Largest decompressed page accepted; protects against corrupt sizes asking for huge allocations.</summary>
    public int MaxPageSize { get; init; } = 256 * 1024 * 1024;

    /// <summary>Largest uncompressed column chunk read; larger chunks (e.g. over 2 GiB of strings) are refused as not supported.</summary>
    public long MaxColumnChunkSize { get; init; } = 1L << 30;

    /// <summary>
    /// Top-level columns of a row group decoded at the same time (1 = one after the other). Each column in flight keeps its
    /// decode buffers, so memory grows with this; the default uses both cores of a small machine.
    /// </summary>
    public int DecodeParallelism { get; init; } = Math.Min(2, Environment.ProcessorCount);

    /// <summary>Largest value count accepted in one page.</summary>
    public int MaxValuesPerPage { get; init; } = 16 * 1024 * 1024;
}
