namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Niladic special values.</summary>
public enum CurrentValue
{
    /// <summary>CURRENT_DATE</summary>
    Date,

    /// <summary>CURRENT_TIME</summary>
    Time,

    /// <summary>CURRENT_TIMESTAMP</summary>
    Timestamp,

    /// <summary>LOCALTIME</summary>
    LocalTime,

    /// <summary>LOCALTIMESTAMP</summary>
    LocalTimestamp,

    /// <summary>CURRENT_USER</summary>
    User,

    /// <summary>CURRENT_CATALOG</summary>
    Catalog,

    /// <summary>CURRENT_SCHEMA</summary>
    Schema,
}
