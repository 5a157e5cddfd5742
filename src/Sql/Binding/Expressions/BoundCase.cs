using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>Searched CASE: the first condition that is true picks its result; else <see cref="Else"/> (null when absent).</summary>
public sealed record BoundCase(IReadOnlyList<BoundExpression> Conditions, IReadOnlyList<BoundExpression> Results, BoundExpression Else, SqlType Type) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => [.. Conditions, .. Results, Else];

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children)
    {
        var n = Conditions.Count;
        return this with { Conditions = children.Take(n).ToArray(), Results = children.Skip(n).Take(n).ToArray(), Else = children[^1] };
    }

    public override string ToString() => "CASE " + string.Concat(Conditions.Select((c, i) => $"WHEN {c} THEN {Results[i]} ")) + $"ELSE {Else} END";
}
