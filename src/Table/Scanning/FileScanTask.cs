using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Scanning;

/// <summary>A live data file of a scan with the delete files that apply to it and the residual row filter.</summary>
public sealed class FileScanTask
{
    public required ManifestEntry Entry { get; init; }
    public DataFile File => Entry.DataFile;
    public required PartitionSpec Spec { get; init; }
    public long DataSequenceNumber => Entry.SequenceNumber ?? 0;
    public required IReadOnlyList<ManifestEntry> Deletes { get; init; }

    /// <summary>What remains of the scan filter for this file's rows after partition values are known (AlwaysTrue when none).</summary>
    public required Expression Residual { get; init; }

    public override string ToString() => $"{File.FilePath} ({File.RecordCount} rows, {Deletes.Count} delete files, residual {Residual})";
}
