namespace Lakehouse.Table.Expressions;

/// <summary>
/// Factory for filter expressions, e.g. <c>Expressions.And(Expressions.GreaterThanOrEqual("ts", "2024-01-01T00:00:00"), Expressions.Equal("id", 5))</c>.
/// And/Or/Not fold constants.
/// </summary>
public static class Expressions
{
    public static Expression AlwaysTrue => Lakehouse.Table.Expressions.AlwaysTrue.Instance;

    public static Expression AlwaysFalse => Lakehouse.Table.Expressions.AlwaysFalse.Instance;

    public static Expression And(Expression left, Expression right)
    {
        if (left is AlwaysFalse || right is AlwaysFalse)
        {
            return AlwaysFalse;
        }

        if (left is AlwaysTrue)
        {
            return right;
        }

        return right is AlwaysTrue ? left : new And(left, right);
    }

    public static Expression And(params ReadOnlySpan<Expression> expressions)
    {
        var result = AlwaysTrue;
        foreach (var e in expressions)
        {
            result = And(result, e);
        }

        return result;
    }

    public static Expression Or(Expression left, Expression right)
    {
        if (left is AlwaysTrue || right is AlwaysTrue)
        {
            return AlwaysTrue;
        }

        if (left is AlwaysFalse)
        {
            return right;
        }

        return right is AlwaysFalse ? left : new Or(left, right);
    }

    public static Expression Not(Expression child) => child switch
    {
        Lakehouse.Table.Expressions.AlwaysTrue => AlwaysFalse,
        Lakehouse.Table.Expressions.AlwaysFalse => AlwaysTrue,
        Not n => n.Child,
        _ => new Not(child),
    };

    public static UnboundPredicate IsNull(string column) => new(Operation.IsNull, column);

    public static UnboundPredicate NotNull(string column) => new(Operation.NotNull, column);

    public static UnboundPredicate IsNaN(string column) => new(Operation.IsNaN, column);

    public static UnboundPredicate NotNaN(string column) => new(Operation.NotNaN, column);

    public static UnboundPredicate LessThan(string column, object value) => new(Operation.LessThan, column, [value]);

    public static UnboundPredicate LessThanOrEqual(string column, object value) => new(Operation.LessThanOrEqual, column, [value]);

    public static UnboundPredicate GreaterThan(string column, object value) => new(Operation.GreaterThan, column, [value]);

    public static UnboundPredicate GreaterThanOrEqual(string column, object value) => new(Operation.GreaterThanOrEqual, column, [value]);

    public static UnboundPredicate Equal(string column, object value) => new(Operation.Equal, column, [value]);

    public static UnboundPredicate NotEqual(string column, object value) => new(Operation.NotEqual, column, [value]);

    public static UnboundPredicate In(string column, params object[] values) => new(Operation.In, column, values);

    public static UnboundPredicate NotIn(string column, params object[] values) => new(Operation.NotIn, column, values);

    public static UnboundPredicate StartsWith(string column, string prefix) => new(Operation.StartsWith, column, [prefix]);

    public static UnboundPredicate NotStartsWith(string column, string prefix) => new(Operation.NotStartsWith, column, [prefix]);

    public static Expression Predicate(Operation op, string column, IReadOnlyList<object> literals) => new UnboundPredicate(op, column, literals);
}
