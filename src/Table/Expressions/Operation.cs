namespace Lakehouse.Table.Expressions;

/// <summary>Predicate operations for scan filters.</summary>
public enum Operation
{
    IsNull,
    NotNull,
    IsNaN,
    NotNaN,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
    In,
    NotIn,
    StartsWith,
    NotStartsWith,
}
