using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// Moves predicates toward the scans: through projections (substituting the projected expressions), into
/// both sides of inner joins (cross joins with an equality become hash joins), into the left side of left,
/// semi, anti and mark joins, below sorts and below aggregations (predicates on grouping keys), and finally
/// into <see cref="LogicalGet.Filter"/>, where the scan prunes files/row groups and filters rows exactly.
/// </summary>
public static class FilterPushdown
{
    public static LogicalOperator Apply(LogicalOperator node)
    {
        if (node is LogicalFilter filter)
        {
            return Push(Apply(filter.Input), filter.Predicate);
        }

        if (node is LogicalJoin { Type: LogicalJoinType.Inner or LogicalJoinType.Cross, Condition: { } condition } join)
        {
            // ON conditions of inner joins are ordinary predicates.
            var plain = join with { Condition = null, Type = join.LeftKeys.Count > 0 ? LogicalJoinType.Inner : LogicalJoinType.Cross };
            return Push(plain.WithChildren([Apply(join.Left), Apply(join.Right)]), condition);
        }

        var children = node.Children;
        if (children.Count == 0)
        {
            return node;
        }

        return node.WithChildren(children.Select(Apply).ToArray());
    }

    private static bool Deterministic(BoundExpression e) =>
        e is not BoundParameter && (e is not BoundFunctionCall f || f.Function.IsDeterministic) && e.Children.All(Deterministic);

    private static LogicalOperator Push(LogicalOperator input, BoundExpression predicate)
    {
        if (predicate is BoundConstant { Value: true })
        {
            return input;
        }

        var conjuncts = Binder.Conjuncts(predicate).ToList();
        if (conjuncts.Any(c => !Deterministic(c)))
        {
            return new LogicalFilter(input, predicate);
        }

        switch (input)
        {
            case LogicalFilter inner:
                return Push(inner.Input, Binder.And([.. Binder.Conjuncts(inner.Predicate), .. conjuncts]));
            case LogicalGet get:
                return get with { Filter = get.Filter is null ? predicate : Binder.And([.. Binder.Conjuncts(get.Filter), .. conjuncts]) };
            case LogicalProject project when project.Expressions.All(Deterministic):
                {
                    var substituted = Binder.Rewrite(predicate, e => e is BoundColumn c ? project.Expressions[c.Index] : null);
                    return project with { Input = Push(project.Input, substituted) };
                }

            case LogicalSort sort:
                return sort with { Input = Push(sort.Input, predicate) };
            case LogicalJoin join:
                return PushIntoJoin(join, conjuncts);
            case LogicalAggregate aggregate when aggregate.GroupingSets is null:
                {
                    var below = new List<BoundExpression>();
                    var above = new List<BoundExpression>();
                    foreach (var c in conjuncts)
                    {
                        var (_, max) = Binder.ColumnRange(c);
                        if (max < aggregate.Groups.Count && aggregate.Groups.All(Deterministic))
                        {
                            below.Add(Binder.Rewrite(c, e => e is BoundColumn col ? aggregate.Groups[col.Index] : null));
                        }
                        else
                        {
                            above.Add(c);
                        }
                    }

                    LogicalOperator result = below.Count == 0 ? aggregate : aggregate with { Input = Push(aggregate.Input, Binder.And(below)) };
                    return above.Count == 0 ? result : new LogicalFilter(result, Binder.And(above));
                }

            default:
                return new LogicalFilter(input, predicate);
        }
    }

    private static LogicalOperator PushIntoJoin(LogicalJoin join, List<BoundExpression> conjuncts)
    {
        var leftWidth = join.Left.Columns.Count;
        var toLeft = new List<BoundExpression>();
        var toRight = new List<BoundExpression>();
        var toJoin = new List<BoundExpression>();
        var above = new List<BoundExpression>();
        var innerLike = join.Type is LogicalJoinType.Inner or LogicalJoinType.Cross;
        foreach (var c in conjuncts)
        {
            var (min, max) = Binder.ColumnRange(c);
            if (max < 0)
            {
                above.Add(c);
            }
            else if (max < leftWidth && join.Type is not (LogicalJoinType.Right or LogicalJoinType.Full))
            {
                toLeft.Add(c);
            }
            else if (min >= leftWidth && innerLike)
            {
                toRight.Add(Binder.Shift(c, -leftWidth));
            }
            else if (innerLike)
            {
                toJoin.Add(c);
            }
            else
            {
                above.Add(c);
            }
        }

        var left = toLeft.Count == 0 ? join.Left : Push(join.Left, Binder.And(toLeft));
        var right = toRight.Count == 0 ? join.Right : Push(join.Right, Binder.And(toRight));
        LogicalOperator result = join with { Left = left, Right = right };
        if (toJoin.Count > 0)
        {
            var (lk, rk, residual) = Binder.SplitJoinCondition(Binder.And(toJoin), leftWidth);
            var keysL = join.LeftKeys.Concat(lk).ToArray();
            var keysR = join.RightKeys.Concat(rk).ToArray();
            var condition = residual is null ? join.Condition : join.Condition is null ? residual : Binder.And([join.Condition, residual]);
            result = join with { Left = left, Right = right, LeftKeys = keysL, RightKeys = keysR, Condition = condition, Type = keysL.Length > 0 ? LogicalJoinType.Inner : LogicalJoinType.Cross };
        }

        return above.Count == 0 ? result : new LogicalFilter(result, Binder.And(above));
    }
}
