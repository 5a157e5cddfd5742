namespace Lakehouse.Table.Expressions;

/// <summary>Negation of an expression (removed by <see cref="Expression.RewriteNot"/> before evaluation).</summary>
public sealed class Not : Expression
{
    public Not(Expression child) => Child = child;

    public Expression Child { get; }

    public override Expression Negate() => Child;

    public override Expression RewriteNot() => Child.RewriteNot().Negate();

    public override string ToString() => $"not({Child})";
}
