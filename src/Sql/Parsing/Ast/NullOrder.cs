namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Null placement.</summary>
public enum NullOrder
{
    /// <summary>not written (NULLS LAST, as Trino)</summary>
    Unspecified,

    /// <summary>NULLS FIRST</summary>
    First,

    /// <summary>NULLS LAST</summary>
    Last,
}
