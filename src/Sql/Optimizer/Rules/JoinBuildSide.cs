using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// The hash join builds its right input and streams its left one. When the right input is estimated
/// (<see cref="CardinalityEstimator"/>) to be larger, the inputs are swapped — INNER stays INNER, LEFT becomes
/// RIGHT and back, FULL stays FULL — and a projection restores the original column order above the join.
/// Semi, anti and mark joins (IN/EXISTS) keep their sides.
/// </summary>
public static class JoinBuildSide
{
    public static LogicalOperator Apply(LogicalOperator plan)
    {
        var children = plan.Children.Select(Apply).ToArray();
        if (children.Length > 0)
        {
            plan = plan.WithChildren(children);
        }

        if (plan is not LogicalJoin { LeftKeys.Count: > 0 } join
            || join.Type is not (LogicalJoinType.Inner or LogicalJoinType.Left or LogicalJoinType.Right or LogicalJoinType.Full)
            || CardinalityEstimator.Estimate(join.Right) <= CardinalityEstimator.Estimate(join.Left))
        {
            return plan;
        }

        var leftWidth = join.Left.Columns.Count;
        var rightWidth = join.Right.Columns.Count;

        // Condition columns: left i -> rightWidth + i, right leftWidth + j -> j.
        var swappedCondition = join.Condition is null ? null : Binder.Rewrite(join.Condition, e => e is BoundColumn c
            ? c with { Index = c.Index < leftWidth ? rightWidth + c.Index : c.Index - leftWidth }
            : null);
        var swapped = new LogicalJoin(
            join.Right,
            join.Left,
            join.Type switch
            {
                LogicalJoinType.Left => LogicalJoinType.Right,
                LogicalJoinType.Right => LogicalJoinType.Left,
                _ => join.Type,
            },
            join.RightKeys,
            join.LeftKeys,
            swappedCondition,
            join.NullAware);
        var columns = swapped.Columns;
        var expressions = new BoundExpression[leftWidth + rightWidth];
        var names = new string[expressions.Length];
        for (var i = 0; i < expressions.Length; i++)
        {
            var source = i < leftWidth ? rightWidth + i : i - leftWidth;
            expressions[i] = new BoundColumn(source, columns[source].Type, columns[source].Name);
            names[i] = columns[source].Name;
        }

        return new LogicalProject(swapped, expressions, names);
    }
}
