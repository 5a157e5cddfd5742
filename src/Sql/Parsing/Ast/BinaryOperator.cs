namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Binary operators, from lowest to highest precedence group.</summary>
public enum BinaryOperator
{
    /// <summary>OR</summary>
    Or,

    /// <summary>AND</summary>
    And,

    /// <summary>=</summary>
    Equal,

    /// <summary>&lt;&gt; or !=</summary>
    NotEqual,

    /// <summary>&lt;</summary>
    LessThan,

    /// <summary>&lt;=</summary>
    LessThanOrEqual,

    /// <summary>&gt;</summary>
    GreaterThan,

    /// <summary>&gt;=</summary>
    GreaterThanOrEqual,

    /// <summary>IS DISTINCT FROM</summary>
    IsDistinctFrom,

    /// <summary>IS NOT DISTINCT FROM</summary>
    IsNotDistinctFrom,

    /// <summary>||</summary>
    Concatenate,

    /// <summary>+</summary>
    Add,

    /// <summary>-</summary>
    Subtract,

    /// <summary>*</summary>
    Multiply,

    /// <summary>/</summary>
    Divide,

    /// <summary>%</summary>
    Modulo,
}
