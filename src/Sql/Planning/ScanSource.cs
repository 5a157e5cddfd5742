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
}
