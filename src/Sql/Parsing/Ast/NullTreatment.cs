namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>IGNORE NULLS / RESPECT NULLS of a window function.</summary>
public enum NullTreatment
{
    /// <summary>not written</summary>
    Unspecified,

    /// <summary>IGNORE NULLS</summary>
    IgnoreNulls,

    /// <summary>RESPECT NULLS</summary>
    RespectNulls,
}
