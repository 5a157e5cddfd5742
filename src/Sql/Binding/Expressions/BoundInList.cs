using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>value IN (list): all of one type; three-valued (null when no match and a null is involved).</summary>
public sealed record BoundInList(BoundExpression Value, IReadOnlyList<BoundExpression> List) : BoundExpression(SqlType.Boolean)
{
    public override IReadOnlyList<BoundExpression> Children => [Value, .. List];

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Value = children[0], List = children.Skip(1).ToArray() };

    public override string ToString() => $"({Value} IN ({string.Join(", ", List)}))";
}
