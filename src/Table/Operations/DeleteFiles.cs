using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Deletes whole data files (operation "delete"): by row filter — metadata-only when the filter covers whole
/// partitions or a file's bounds prove every row matches — or by name.
/// </summary>
public sealed class DeleteFiles : OverwriteFiles
{
    internal DeleteFiles(TableOperations operations)
        : base(operations)
    {
    }

    protected override string OperationName => SnapshotOperation.Delete;

    public DeleteFiles DeleteFromRowFilter(Expression filter)
    {
        OverwriteByRowFilter(filter);
        return this;
    }

    public new DeleteFiles DeleteFile(DataFile file)
    {
        base.DeleteFile(file);
        return this;
    }
}
