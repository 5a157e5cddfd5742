namespace Lakehouse.Parquet.Metadata;

/// <summary>Members of the <c>ColumnOrder</c> union (how min/max statistics are ordered).</summary>
public enum ColumnOrderKind
{
    Unknown = 0,
    TypeDefinedOrder = 1,
    Ieee754TotalOrder = 2,
    Int96TimestampOrder = 3,
}
