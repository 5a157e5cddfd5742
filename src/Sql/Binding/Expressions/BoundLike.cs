using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>value [I]LIKE pattern [ESCAPE e] (NOT is a separate operator).</summary>
public sealed record BoundLike(BoundExpression Value, BoundExpression Pattern, BoundExpression? Escape, bool CaseInsensitive) : BoundExpression(SqlType.Boolean)
{
    public override IReadOnlyList<BoundExpression> Children => Escape is null ? [Value, Pattern] : [Value, Pattern, Escape];

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) =>
        this with { Value = children[0], Pattern = children[1], Escape = children.Count > 2 ? children[2] : null };

    public override string ToString() => $"({Value} {(CaseInsensitive ? "ILIKE" : "LIKE")} {Pattern})";
}
