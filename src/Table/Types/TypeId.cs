namespace Lakehouse.Table.Types;

/// <summary>Every Iceberg type of spec v1-v3.</summary>
public enum TypeId
{
    Unknown,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Decimal,
    Date,
    Time,
    Timestamp,
    TimestampTz,
    TimestampNs,
    TimestampTzNs,
    String,
    Uuid,
    Fixed,
    Binary,
    Variant,
    Geometry,
    Geography,
    Struct,
    List,
    Map,
}
