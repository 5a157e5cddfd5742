namespace Lakehouse.Parquet.Metadata;

/// <summary>Members of the <c>LogicalType</c> union; values are the union's field ids.</summary>
public enum LogicalTypeKind
{
    None = 0,
    String = 1,
    Map = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    Time = 7,
    Timestamp = 8,
    Integer = 10,
    Unknown = 11,
    Json = 12,
    Bson = 13,
    Uuid = 14,
    Float16 = 15,
    Variant = 16,
    Geometry = 17,
    Geography = 18,
    File = 19,

    /// <summary>A union member this reader does not know; the column is read by its physical type.</summary>
    Unrecognized = 1000,
}
