using Lakehouse.Table.Manifests;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Replaces files with others holding the same rows, e.g. compaction (operation "replace"). Conflicts: a file
/// being replaced is no longer live, or a concurrent commit added delete files for its partition.
/// </summary>
public sealed class RewriteFiles : OverwriteFiles
{
    internal RewriteFiles(TableOperations operations)
        : base(operations)
    {
    }

    protected override string OperationName => SnapshotOperation.Replace;

    /// <summary>Replaces <paramref name="filesToDelete"/> with <paramref name="filesToAdd"/>.</summary>
    public RewriteFiles RewriteFilesWith(IEnumerable<DataFile> filesToDelete, IEnumerable<DataFile> filesToAdd)
    {
        foreach (var f in filesToDelete)
        {
            DeleteFile(f);
        }

        foreach (var f in filesToAdd)
        {
            AddFile(f);
        }

        return this;
    }
}
