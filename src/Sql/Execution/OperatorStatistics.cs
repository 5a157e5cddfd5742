namespace Lakehouse.Sql.Execution;

/// <summary>Rows, batches and time of one operator (EXPLAIN ANALYZE), plus source-specific counters.</summary>
public sealed class OperatorStatistics
{
    public long Rows;
    public long Batches;
    public long ElapsedTicks;
    public long FilesRead;
    public long FilesSkipped;
    public long RowGroupsRead;
    public long RowGroupsSkipped;

    /// <summary>Workers that ran the pipeline this scan drives (0 or 1: not parallel).</summary>
    public long Workers;
}
