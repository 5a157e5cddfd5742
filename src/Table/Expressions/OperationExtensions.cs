namespace Lakehouse.Table.Expressions;

/// <summary>Negation, operand flipping and text of <see cref="Operation"/>s.</summary>
public static class OperationExtensions
{
    /// <summary>The operation matching exactly the rows the given one does not (nulls aside, as in Iceberg).</summary>
    public static Operation Negate(this Operation op) => op switch
    {
        Operation.IsNull => Operation.NotNull,
        Operation.NotNull => Operation.IsNull,
        Operation.IsNaN => Operation.NotNaN,
        Operation.NotNaN => Operation.IsNaN,
        Operation.LessThan => Operation.GreaterThanOrEqual,
        Operation.LessThanOrEqual => Operation.GreaterThan,
        Operation.GreaterThan => Operation.LessThanOrEqual,
        Operation.GreaterThanOrEqual => Operation.LessThan,
        Operation.Equal => Operation.NotEqual,
        Operation.NotEqual => Operation.Equal,
        Operation.In => Operation.NotIn,
        Operation.NotIn => Operation.In,
        Operation.StartsWith => Operation.NotStartsWith,
        _ => Operation.StartsWith,
    };

    public static bool IsUnary(this Operation op) => op is Operation.IsNull or Operation.NotNull or Operation.IsNaN or Operation.NotNaN;

    public static bool IsSet(this Operation op) => op is Operation.In or Operation.NotIn;

    public static string Symbol(this Operation op) => op switch
    {
        Operation.IsNull => "is_null",
        Operation.NotNull => "not_null",
        Operation.IsNaN => "is_nan",
        Operation.NotNaN => "not_nan",
        Operation.LessThan => "<",
        Operation.LessThanOrEqual => "<=",
        Operation.GreaterThan => ">",
        Operation.GreaterThanOrEqual => ">=",
        Operation.Equal => "==",
        Operation.NotEqual => "!=",
        Operation.In => "in",
        Operation.NotIn => "not in",
        Operation.StartsWith => "starts_with",
        _ => "not_starts_with",
    };
}
