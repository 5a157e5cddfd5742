using Lakehouse.Ingest.Decoding;

namespace Lakehouse.Ingest.Configuration;

/// <summary>The <c>target</c> section: the bronze table, how messages map to its columns, its partitioning.</summary>
public sealed record TargetConfig
{
    /// <summary>Table identifier <c>namespace.name</c> (namespace levels separated by dots).</summary>
    public string Table { get; init; } = string.Empty;

    /// <summary>The decoder options: mapped columns, header + body mode, size limits.</summary>
    public JsonMappingOptions Mapping { get; init; } = new();

    public IReadOnlyList<PartitionFieldConfig> PartitionBy { get; init; } = [];

    /// <summary>Add a column for a top-level JSON member the mapping does not know (type inferred from the first value).</summary>
    public bool SchemaEvolution { get; init; }
}
