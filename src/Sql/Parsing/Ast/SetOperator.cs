namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Set operators; INTERSECT binds tighter than UNION and EXCEPT.</summary>
public enum SetOperator
{
    /// <summary>UNION</summary>
    Union,

    /// <summary>INTERSECT</summary>
    Intersect,

    /// <summary>EXCEPT</summary>
    Except,
}
