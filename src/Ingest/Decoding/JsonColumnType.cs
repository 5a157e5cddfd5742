namespace Lakehouse.Ingest.Decoding;

/// <summary>The table column types a JSON path can be mapped to (and their Arrow types).</summary>
public enum JsonColumnType
{
    /// <summary>JSON string -> utf8.</summary>
    String,

    /// <summary>JSON integer number -> int32 (range-checked).</summary>
    Int32,

    /// <summary>JSON integer number -> int64.</summary>
    Int64,

    /// <summary>JSON number -> float64.</summary>
    Float64,

    /// <summary>JSON true/false -> bool.</summary>
    Boolean,

    /// <summary>ISO-8601 string, or a number of epoch units (<see cref="ColumnMapping.EpochUnit"/>) -> timestamp[us, UTC].</summary>
    Timestamp,

    /// <summary>JSON array of <see cref="ColumnMapping.ElementType"/> values -> list&lt;element&gt;.</summary>
    List,

    /// <summary>Any JSON value (object, array, scalar) kept as its JSON text -> utf8.</summary>
    Json,
}
