namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Quantifier of a subquery comparison.</summary>
public enum Quantifier
{
    /// <summary>ALL</summary>
    All,

    /// <summary>ANY</summary>
    Any,

    /// <summary>SOME (same meaning as ANY)</summary>
    Some,
}
