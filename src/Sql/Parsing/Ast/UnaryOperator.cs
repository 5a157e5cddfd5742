namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary>+</summary>
    Plus,

    /// <summary>-</summary>
    Minus,

    /// <summary>NOT</summary>
    Not,
}
