using Lakehouse.Sql.Planning;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>One planned Iceberg data file with the delete files that apply to it.</summary>
internal sealed class IcebergFileMorsel(FileScanTask task) : ScanMorsel
{
    public FileScanTask Task { get; } = task;

    public override long? EstimatedRows => Task.File.RecordCount;
}
