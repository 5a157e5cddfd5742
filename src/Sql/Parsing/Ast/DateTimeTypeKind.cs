namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>time or timestamp.</summary>
public enum DateTimeTypeKind
{
    /// <summary>time</summary>
    Time,

    /// <summary>timestamp</summary>
    Timestamp,
}
