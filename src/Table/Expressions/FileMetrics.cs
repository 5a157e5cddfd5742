namespace Lakehouse.Table.Expressions;

/// <summary>
/// The column metrics of one data or delete file as manifests store them, keyed by field id: value, null and
/// NaN counts, and lower/upper bounds in the binary single-value form. Missing entries mean "unknown".
/// </summary>
public sealed class FileMetrics
{
    private static readonly Dictionary<int, long> s_noCounts = [];
    private static readonly Dictionary<int, byte[]> s_noBounds = [];

    public required long RecordCount { get; init; }

    public IReadOnlyDictionary<int, long> ValueCounts { get; init; } = s_noCounts;

    public IReadOnlyDictionary<int, long> NullValueCounts { get; init; } = s_noCounts;

    public IReadOnlyDictionary<int, long> NanValueCounts { get; init; } = s_noCounts;

    public IReadOnlyDictionary<int, byte[]> LowerBounds { get; init; } = s_noBounds;

    public IReadOnlyDictionary<int, byte[]> UpperBounds { get; init; } = s_noBounds;
}
