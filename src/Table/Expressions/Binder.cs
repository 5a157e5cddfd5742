using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Resolves column names to field ids (case-sensitively or not) and converts literals to the column type.
/// Simplifies on the way: NOT is pushed down; null tests on required columns and comparisons with literals
/// outside an int column's range become constants; <c>in</c> with one value becomes <c>==</c>.
/// </summary>
public static class Binder
{
    public static Expression Bind(Schema schema, Expression expression, bool caseSensitive = true) =>
        Bind(expression.RewriteNot(), name => schema.FindField(name, caseSensitive) is { } f ? (f, schema.FindColumnName(f.Id) ?? name) : null);

    /// <summary>Binds against the top-level fields of a struct (e.g. a partition type).</summary>
    public static Expression Bind(StructType type, Expression expression, bool caseSensitive = true) =>
        Bind(expression.RewriteNot(), name => type.Field(name, caseSensitive) is { } f ? (f, f.Name) : null);

    private static Expression Bind(Expression e, Func<string, (NestedField Field, string Name)?> resolve) => e switch
    {
        And a => Expressions.And(Bind(a.Left, resolve), Bind(a.Right, resolve)),
        Or o => Expressions.Or(Bind(o.Left, resolve), Bind(o.Right, resolve)),
        Not n => Bind(n.Child.Negate(), resolve),
        UnboundPredicate p => BindPredicate(p, resolve),
        _ => e,
    };

    private static Expression BindPredicate(UnboundPredicate p, Func<string, (NestedField Field, string Name)?> resolve)
    {
        var found = resolve(p.Column) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"Cannot find field '{p.Column}' in the schema");
        var field = found.Field;
        if (field.Type is not PrimitiveType type)
        {
            throw IcebergException.Invalid($"cannot filter on '{p.Column}': {field.Type} is not a primitive type");
        }

        var reference = new BoundReference(field.Id, found.Name, type, field.IsRequired);
        switch (p.Op)
        {
            case Operation.IsNull:
                return field.IsRequired ? Expressions.AlwaysFalse : new BoundPredicate(p.Op, reference);
            case Operation.NotNull:
                return field.IsRequired ? Expressions.AlwaysTrue : new BoundPredicate(p.Op, reference);
            case Operation.IsNaN or Operation.NotNaN:
                if (type.TypeId is not (TypeId.Float or TypeId.Double))
                {
                    throw IcebergException.Invalid($"{p.Op.Symbol()} cannot be used with the non-floating-point column '{p.Column}' ({type})");
                }

                return new BoundPredicate(p.Op, reference);
            case Operation.StartsWith or Operation.NotStartsWith:
                if (type.TypeId != TypeId.String || p.Literal is not string)
                {
                    throw IcebergException.Invalid($"{p.Op.Symbol()} needs a string column and a string prefix ('{p.Column}' is {type})");
                }

                return new BoundPredicate(p.Op, reference, p.Literals);
            case Operation.In or Operation.NotIn:
                {
                    var values = new List<object>();
                    foreach (var literal in p.Literals)
                    {
                        var v = ConvertForSet(literal, type, p.Column);
                        if (v is not null && !values.Exists(x => Literals.ValueEquals(x, v)))
                        {
                            values.Add(v);
                        }
                    }

                    if (values.Count == 0)
                    {
                        return p.Op == Operation.In ? Expressions.AlwaysFalse : Expressions.AlwaysTrue;
                    }

                    if (values.Count == 1)
                    {
                        return new BoundPredicate(p.Op == Operation.In ? Operation.Equal : Operation.NotEqual, reference, values);
                    }

                    return new BoundPredicate(p.Op, reference, values);
                }

            default:
                {
                    if (OutOfIntRange(p.Literal, type, out var above))
                    {
                        return p.Op switch
                        {
                            Operation.LessThan or Operation.LessThanOrEqual => above ? Expressions.AlwaysTrue : Expressions.AlwaysFalse,
                            Operation.GreaterThan or Operation.GreaterThanOrEqual => above ? Expressions.AlwaysFalse : Expressions.AlwaysTrue,
                            Operation.Equal => Expressions.AlwaysFalse,
                            _ => Expressions.AlwaysTrue,
                        };
                    }

                    return new BoundPredicate(p.Op, reference, [ConvertLiteral(p.Literal, type, p.Column)]);
                }
        }
    }

    private static object? ConvertForSet(object literal, PrimitiveType type, string column) =>
        OutOfIntRange(literal, type, out _) ? null : ConvertLiteral(literal, type, column);

    private static object ConvertLiteral(object literal, PrimitiveType type, string column)
    {
        try
        {
            return Literals.TryConvert(literal, type) ?? throw IcebergException.Invalid($"Invalid value for conversion to type {type}: {literal} ({literal.GetType().Name}) for column '{column}'");
        }
        catch (IcebergException ex) when (ex.Kind == IcebergErrorKind.Invalid && !ex.Message.StartsWith("Invalid value", StringComparison.Ordinal))
        {
            throw IcebergException.Invalid($"Invalid value for conversion to type {type} for column '{column}': {ex.Message}", ex);
        }
    }

    private static bool OutOfIntRange(object literal, PrimitiveType type, out bool above)
    {
        above = false;
        if (type.TypeId != TypeId.Int || !Literals.IsInteger(literal))
        {
            return false;
        }

        var v = Literals.ToLong(literal);
        above = v > int.MaxValue;
        return above || v < int.MinValue;
    }
}
