namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>How a parameter was written.</summary>
public enum ParameterStyle
{
    /// <summary>?</summary>
    QuestionMark,

    /// <summary>$n</summary>
    Dollar,
}
