using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>One row group of one Parquet file that survived row-group pruning.</summary>
internal sealed class ParquetRowGroupMorsel(string file, int rowGroup, long rows) : ScanMorsel
{
    public string File { get; } = file;

    public int RowGroup { get; } = rowGroup;

    public override long? EstimatedRows => rows;
}
