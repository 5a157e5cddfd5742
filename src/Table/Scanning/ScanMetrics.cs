namespace Lakehouse.Table.Scanning;

/// <summary>Counts from scan planning: manifests read and pruned, files pruned by partition values and by column metrics.</summary>
public sealed class ScanMetrics
{
    public int Manifests { get; set; }
    public int ManifestsPruned { get; set; }
    public int FilesPrunedByPartition { get; set; }
    public int FilesPrunedByMetrics { get; set; }
    public int DataFiles { get; set; }
    public int DeleteFilesMatched { get; set; }
}
