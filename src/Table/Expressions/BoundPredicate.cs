using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// A predicate on a resolved column with literals already converted to the column type's representation
/// (see <see cref="Values.Literals"/>). Set literals are deduplicated. <see cref="Test"/> follows SQL filtering:
/// every comparison with null is false (also !=); NaN is ordered above all numbers and equal to itself (as in
/// DuckDB and Spark SQL), see <see cref="Values.Literals.Compare"/>.
/// </summary>
public sealed class BoundPredicate : Expression
{
    public BoundPredicate(Operation op, BoundReference reference, IReadOnlyList<object>? literals = null)
    {
        Op = op;
        Reference = reference;
        Literals = literals ?? [];
    }

    public Operation Op { get; }

    public BoundReference Reference { get; }

    public int FieldId => Reference.FieldId;

    public IReadOnlyList<object> Literals { get; }

    public object Literal => Literals[0];

    public override Expression Negate() => new BoundPredicate(Op.Negate(), Reference, Literals);

    /// <summary>Evaluates the predicate on one value of the column (null = SQL null; NaN handled as Iceberg does).</summary>
    public bool Test(object? value)
    {
        switch (Op)
        {
            case Operation.IsNull: return value is null;
            case Operation.NotNull: return value is not null;
            case Operation.IsNaN: return value is double d ? double.IsNaN(d) : value is float f && float.IsNaN(f);
            case Operation.NotNaN: return !(value is double d2 ? double.IsNaN(d2) : value is float f2 && float.IsNaN(f2));
            default: break;
        }

        // SQL semantics: a comparison with null is unknown, which a filter treats as false (also for !=).
        if (value is null)
        {
            return false;
        }

        switch (Op)
        {
            case Operation.LessThan: return Values.Literals.Compare(value, Literal) < 0;
            case Operation.LessThanOrEqual: return Values.Literals.Compare(value, Literal) <= 0;
            case Operation.GreaterThan: return Values.Literals.Compare(value, Literal) > 0;
            case Operation.GreaterThanOrEqual: return Values.Literals.Compare(value, Literal) >= 0;
            case Operation.Equal: return Values.Literals.Compare(value, Literal) == 0;
            case Operation.NotEqual: return Values.Literals.Compare(value, Literal) != 0;
            case Operation.In: return Contains(value);
            case Operation.NotIn: return !Contains(value);
            case Operation.StartsWith: return ((string)value).StartsWith((string)Literal, StringComparison.Ordinal);
            default: return !((string)value).StartsWith((string)Literal, StringComparison.Ordinal);
        }
    }

    public override string ToString() => Op.IsUnary() ? $"{Op.Symbol()}(ref({Reference.Name}))"
        : Op.IsSet() ? $"ref({Reference.Name}) {Op.Symbol()} ({string.Join(", ", Literals.Select(l => Values.Literals.ToHumanString(l, Reference.Type)))})"
        : $"ref({Reference.Name}) {Op.Symbol()} {Values.Literals.ToHumanString(Literal, Reference.Type)}";

    private bool Contains(object value)
    {
        foreach (var l in Literals)
        {
            if (Values.Literals.Compare(value, l) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
