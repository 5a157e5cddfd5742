namespace Lakehouse.Table.Expressions;

/// <summary>Conjunction of two expressions.</summary>
public sealed class And : Expression
{
    public And(Expression left, Expression right)
    {
        Left = left;
        Right = right;
    }

    public Expression Left { get; }

    public Expression Right { get; }

    public override Expression Negate() => Expressions.Or(Left.Negate(), Right.Negate());

    public override Expression RewriteNot() => Expressions.And(Left.RewriteNot(), Right.RewriteNot());

    public override string ToString() => $"({Left} and {Right})";
}
