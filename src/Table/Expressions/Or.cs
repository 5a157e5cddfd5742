namespace Lakehouse.Table.Expressions;

/// <summary>Disjunction of two expressions.</summary>
public sealed class Or : Expression
{
    public Or(Expression left, Expression right)
    {
        Left = left;
        Right = right;
    }

    public Expression Left { get; }

    public Expression Right { get; }

    public override Expression Negate() => Expressions.And(Left.Negate(), Right.Negate());

    public override Expression RewriteNot() => Expressions.Or(Left.RewriteNot(), Right.RewriteNot());

    public override string ToString() => $"({Left} or {Right})";
}
