using System.Globalization;

namespace Lakehouse.Table.Expressions;

/// <summary>A predicate on a column named by its full dotted name, with caller-supplied literal values.</summary>
public sealed class UnboundPredicate : Expression
{
    public UnboundPredicate(Operation op, string column, IReadOnlyList<object>? literals = null)
    {
        Op = op;
        Column = column;
        Literals = literals ?? [];
        var expected = op.IsUnary() ? 0 : op.IsSet() ? -1 : 1;
        if ((expected == 0 && Literals.Count != 0) || (expected == 1 && Literals.Count != 1) || (expected == -1 && Literals.Count == 0))
        {
            throw IcebergException.Invalid($"{op.Symbol()} on '{column}' takes {(expected == 0 ? "no" : expected == 1 ? "one" : "at least one")} literal, got {Literals.Count}");
        }
    }

    public Operation Op { get; }

    public string Column { get; }

    public IReadOnlyList<object> Literals { get; }

    public object Literal => Literals[0];

    public override Expression Negate() => new UnboundPredicate(Op.Negate(), Column, Literals);

    public override string ToString() => Op.IsUnary() ? $"{Op.Symbol()}({Column})"
        : Op.IsSet() ? $"{Column} {Op.Symbol()} ({string.Join(", ", Literals.Select(Format))})"
        : Op is Operation.StartsWith or Operation.NotStartsWith ? $"{Op.Symbol()}({Column}, {Format(Literal)})"
        : $"{Column} {Op.Symbol()} {Format(Literal)}";

    private static string Format(object value) => value is string s ? $"\"{s}\"" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
