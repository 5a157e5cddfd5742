namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Window frame units.</summary>
public enum FrameUnit
{
    /// <summary>ROWS</summary>
    Rows,

    /// <summary>RANGE</summary>
    Range,

    /// <summary>GROUPS</summary>
    Groups,
}
