using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// A join. <see cref="LeftKeys"/>/<see cref="RightKeys"/> are equi-join keys (over each side's columns;
/// null keys never match); <see cref="Condition"/> is the rest of ON over left+right columns. For
/// <see cref="LogicalJoinType.Mark"/> the output is the left columns plus a boolean that is true when a
/// right row matches, null when none matches but a null key was involved (IN semantics) and false otherwise.
/// </summary>
public sealed record LogicalJoin(LogicalOperator Left, LogicalOperator Right, LogicalJoinType Type, IReadOnlyList<BoundExpression> LeftKeys, IReadOnlyList<BoundExpression> RightKeys, BoundExpression? Condition, bool NullAware = false) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Type switch
    {
        LogicalJoinType.Semi or LogicalJoinType.Anti => Left.Columns,
        LogicalJoinType.Mark => [.. Left.Columns, new PlanColumn("$mark", SqlType.Boolean)],
        _ => [.. Left.Columns, .. Right.Columns],
    };

    public override IReadOnlyList<LogicalOperator> Children => [Left, Right];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Left = children[0], Right = children[1] };

    public override string Describe() =>
        $"{(LeftKeys.Count > 0 ? "HashJoin" : "NestedLoopJoin")} {Type}"
        + (LeftKeys.Count > 0 ? $" on [{string.Join(", ", LeftKeys.Select((k, i) => $"{k} = {RightKeys[i]}"))}]" : string.Empty)
        + (Condition is null ? string.Empty : $" condition={Condition}");
}
