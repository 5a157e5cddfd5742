namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>Built-in operators evaluated by the expression executor's own kernels.</summary>
public enum BoundOperatorKind
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Negate,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    IsDistinctFrom,
    IsNotDistinctFrom,
    And,
    Or,
    Not,
    IsNull,
    IsNotNull,
    Concatenate,
}
