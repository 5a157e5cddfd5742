using Lakehouse.Sql.Functions;
using Lakehouse.Table.Catalog;

namespace Lakehouse.Sql;

/// <summary>Settings of a <see cref="SqlEngine"/>; validated when the engine is created.</summary>
public sealed record SqlEngineOptions
{
    /// <summary>The default number of rows per batch the executor produces.</summary>
    public const int DefaultBatchSize = 8192;

    /// <summary>The Iceberg catalog for named tables; null means only table functions (read_parquet, iceberg_scan…).</summary>
    public ICatalog? Catalog { get; init; }

    /// <summary>The name the catalog is known by in SQL (<c>lakehouse.db.table</c>).</summary>
    public string DefaultCatalog { get; init; } = "lakehouse";

    /// <summary>The schema (Iceberg namespace) unqualified table names resolve in.</summary>
    public string DefaultSchema { get; init; } = "default";

    /// <summary>Rows per batch produced by sources and operators.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Threads one query may use (scans and partial aggregates).</summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Bytes one query may hold in operator state (hash tables, sort buffers); null for no limit.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>Wall-clock limit per query; null for none.</summary>
    public TimeSpan? QueryTimeout { get; init; }

    /// <summary>The functions available; null for <see cref="FunctionRegistry.CreateDefault"/>.</summary>
    public FunctionRegistry? Functions { get; init; }

    /// <summary>The session time zone (IANA id); UTC by default.</summary>
    public string TimeZone { get; init; } = "UTC";

    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be at least 1");
        }

        if (DegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DegreeOfParallelism), DegreeOfParallelism, "degree of parallelism must be at least 1");
        }

        if (MemoryLimitBytes is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MemoryLimitBytes), MemoryLimitBytes, "memory limit must be positive");
        }

        if (QueryTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(QueryTimeout), t, "query timeout must be positive");
        }

        if (string.IsNullOrEmpty(DefaultCatalog) || string.IsNullOrEmpty(DefaultSchema))
        {
            throw new ArgumentException("default catalog and schema names must not be empty");
        }
    }
}
