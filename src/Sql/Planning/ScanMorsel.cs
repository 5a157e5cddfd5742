namespace Lakehouse.Sql.Planning;

/// <summary>
/// One independently readable piece of a scan (a Parquet row group, an Iceberg data file with its deletes): the
/// unit that parallel pipelines take from a shared queue, so that faster workers simply take more of them.
/// </summary>
public abstract class ScanMorsel
{
    /// <summary>Rows before filtering, when known from metadata (for EXPLAIN and balancing), else null.</summary>
    public virtual long? EstimatedRows => null;
}
