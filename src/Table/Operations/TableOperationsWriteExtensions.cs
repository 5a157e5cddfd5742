using Lakehouse.Table.Writing;

namespace Lakehouse.Table.Operations;

/// <summary>
/// The write entry points on a table's <see cref="TableOperations"/>: data writers and the snapshot-producing
/// operations. Typical use: <c>var w = ops.NewDataWriter(); await w.WriteAsync(batch); var files = await w.CompleteAsync();
/// await ops.NewFastAppend().AppendAll(files).Set("k", "v").CommitAsync(ct);</c>
/// </summary>
public static class TableOperationsWriteExtensions
{
    /// <summary>A writer of Parquet data files for the table's current schema, spec and sort order.</summary>
    public static TableWriter NewDataWriter(this TableOperations operations, TableWriterOptions? options = null) => new(operations, options);

    /// <summary>Append that adds one manifest and keeps the existing ones.</summary>
    public static AppendFiles NewFastAppend(this TableOperations operations) => new(operations, merge: false);

    /// <summary>Append that merges small manifests per <c>commit.manifest.*</c>.</summary>
    public static AppendFiles NewAppend(this TableOperations operations) => new(operations, merge: true);

    public static OverwriteFiles NewOverwrite(this TableOperations operations) => new(operations);

    public static DeleteFiles NewDelete(this TableOperations operations) => new(operations);

    public static RowDelta NewRowDelta(this TableOperations operations) => new(operations);

    public static RewriteFiles NewRewrite(this TableOperations operations) => new(operations);
}
