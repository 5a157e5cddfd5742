namespace Lakehouse.Parquet.Metadata;

/// <summary>Header of an index page (an empty struct in parquet.thrift; such pages are skipped).</summary>
public sealed class IndexPageHeader
{
}
