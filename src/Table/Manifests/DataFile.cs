using Lakehouse.Table.Expressions;

namespace Lakehouse.Table.Manifests;

/// <summary>The data_file struct of a manifest entry (fields 100-145): a data, position-delete or equality-delete file.</summary>
public sealed class DataFile
{
    public FileContent Content { get; init; }
    public required string FilePath { get; init; }

    /// <summary>Upper-case format name as written (PARQUET, AVRO, ORC, PUFFIN).</summary>
    public required string FileFormat { get; init; }
    public int SpecId { get; init; }

    /// <summary>Partition tuple in spec order, values in the Lakehouse value representation typed by the spec's result types.</summary>
    public IReadOnlyList<object?> Partition { get; init; } = [];
    public long RecordCount { get; init; }
    public long FileSizeInBytes { get; init; }
    public IReadOnlyDictionary<int, long>? ColumnSizes { get; init; }
    public IReadOnlyDictionary<int, long>? ValueCounts { get; init; }
    public IReadOnlyDictionary<int, long>? NullValueCounts { get; init; }
    public IReadOnlyDictionary<int, long>? NanValueCounts { get; init; }
    public IReadOnlyDictionary<int, byte[]>? LowerBounds { get; init; }
    public IReadOnlyDictionary<int, byte[]>? UpperBounds { get; init; }
    public byte[]? KeyMetadata { get; init; }
    public IReadOnlyList<long>? SplitOffsets { get; init; }
    public IReadOnlyList<int>? EqualityIds { get; init; }
    public int? SortOrderId { get; init; }
    public long? FirstRowId { get; init; }
    public string? ReferencedDataFile { get; init; }
    public long? ContentOffset { get; init; }
    public long? ContentSizeInBytes { get; init; }

    /// <summary>True for a v3 deletion vector (a position delete stored as a Puffin blob).</summary>
    public bool IsDeletionVector => Content == FileContent.PositionDeletes && string.Equals(FileFormat, "PUFFIN", StringComparison.OrdinalIgnoreCase);

    /// <summary>The column metrics in the shape the metrics evaluators take.</summary>
    public FileMetrics ToMetrics()
    {
        var metrics = new FileMetrics
        {
            RecordCount = RecordCount,
            ValueCounts = ValueCounts ?? s_noCounts,
            NullValueCounts = NullValueCounts ?? s_noCounts,
            NanValueCounts = NanValueCounts ?? s_noCounts,
            LowerBounds = LowerBounds ?? s_noBounds,
            UpperBounds = UpperBounds ?? s_noBounds,
        };
        return metrics;
    }

    public override string ToString() => $"{Content} {FileFormat} {FilePath} ({RecordCount} rows)";

    private static readonly Dictionary<int, long> s_noCounts = [];
    private static readonly Dictionary<int, byte[]> s_noBounds = [];
}
