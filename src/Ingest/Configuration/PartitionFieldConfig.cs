namespace Lakehouse.Ingest.Configuration;

/// <summary>One entry of <c>target.partition_by</c>: <c>day(ts)</c>, <c>identity(platform)</c>, <c>bucket(16, user_id)</c>.</summary>
/// <param name="Transform">Iceberg transform name as in table metadata: identity, year, month, day, hour, bucket[N], truncate[W].</param>
/// <param name="SourceColumn">The table column the transform reads.</param>
public sealed record PartitionFieldConfig(string Transform, string SourceColumn)
{
    public override string ToString() => $"{Transform}({SourceColumn})";
}
