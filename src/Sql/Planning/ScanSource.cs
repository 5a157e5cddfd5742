using Lakehouse.Sql.Execution;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// Something a scan reads: Parquet files, an Iceberg table (snapshot), a metadata table. Bound at plan time
/// (schema known); opened at execution.
/// </summary>
public abstract class ScanSource
{
    public abstract IReadOnlyList<PlanColumn> Columns { get; }

    /// <summary>EXPLAIN text, e.g. <c>read_parquet('data/*.parquet') files=3</c>.</summary>
    public abstract string Describe();

    /// <summary>Rows when known exactly from metadata without reading data (count(*) shortcut), else null.</summary>
    public virtual long? ExactRowCount => null;

    /// <summary>Rows before filtering, estimated from metadata (for join planning), or null when unknown.</summary>
    public virtual long? EstimatedRowCount => ExactRowCount;

    /// <summary>Streams the projected columns; rows that fail <see cref="ScanRequest.Filter"/> are removed.</summary>
    public abstract IAsyncEnumerable<DataChunk> ScanAsync(ScanRequest request, QueryContext context);

    /// <summary>
    /// Whether the scan splits into <see cref="ScanMorsel"/>s that can be read in any order by several workers at
    /// once (morsel-driven parallelism). Such a source implements <see cref="PlanMorselsAsync"/> and
    /// <see cref="ScanMorselAsync"/>; reading every morsel yields the same rows as <see cref="ScanAsync"/> without a limit.
    /// </summary>
    public virtual bool SupportsMorsels => false;

    /// <summary>The morsels left after pruning (files and row groups the filter excludes are not listed).</summary>
    public virtual Task<IReadOnlyList<ScanMorsel>> PlanMorselsAsync(ScanRequest request, QueryContext context) =>
        throw new NotSupportedException($"{GetType().Name} cannot be split into morsels");

    /// <summary>Streams one morsel's projected, filtered rows. Called concurrently for different morsels.</summary>
    public virtual IAsyncEnumerable<DataChunk> ScanMorselAsync(ScanMorsel morsel, ScanRequest request, QueryContext context) =>
        throw new NotSupportedException($"{GetType().Name} cannot be split into morsels");
}
