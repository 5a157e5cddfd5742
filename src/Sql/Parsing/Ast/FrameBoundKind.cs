namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Window frame bounds.</summary>
public enum FrameBoundKind
{
    /// <summary>UNBOUNDED PRECEDING</summary>
    UnboundedPreceding,

    /// <summary>n PRECEDING</summary>
    Preceding,

    /// <summary>CURRENT ROW</summary>
    CurrentRow,

    /// <summary>n FOLLOWING</summary>
    Following,

    /// <summary>UNBOUNDED FOLLOWING</summary>
    UnboundedFollowing,
}
