using System.Globalization;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// Filter(rn &lt;= N) over a window whose functions are all row_number/rank/dense_rank with one PARTITION BY and
/// ORDER BY gets a <see cref="LogicalTopNRanking"/> below the window, so the window sorts only the rows that can
/// pass (at most about N per partition) instead of its whole input. Recognised bounds: <c>f &lt;= N</c>,
/// <c>f &lt; N</c>, <c>f = N</c>, <c>f BETWEEN … AND N</c> after folding, with the constant on either side.
/// </summary>
public static class TopNRankingRule
{
    /// <summary>Above this bound the pre-filter's per-partition state would rival a sort; the plan is left alone.</summary>
    public const long MaxLimit = 100_000;

    public static LogicalOperator Apply(LogicalOperator plan)
    {
        var children = plan.Children.Select(Apply).ToArray();
        if (children.Length > 0)
        {
            plan = plan.WithChildren(children);
        }

        if (plan is not LogicalFilter { Input: LogicalWindow window } filter || window.Input is LogicalTopNRanking)
        {
            return plan;
        }

        var first = window.Functions[0];
        if (first.OrderBy.Count == 0 || !window.Functions.All(f => IsRanking(f) && SameSpecification(f, first)))
        {
            return plan;
        }

        var inputWidth = window.Input.Columns.Count;
        string? function = null;
        long limit = long.MaxValue;
        foreach (var conjunct in Binder.Conjuncts(filter.Predicate))
        {
            if (UpperBound(conjunct, inputWidth) is { } bound)
            {
                var name = window.Functions[bound.Function].Name;

                // The loosest function bounded decides what may be dropped: a dense_rank bound keeps more rows than a
                // rank or row_number bound with the same N.
                if (bound.Limit < limit || (bound.Limit == limit && Looseness(name) > Looseness(function!)))
                {
                    limit = bound.Limit;
                    function = name;
                }
            }
        }

        if (function is null || limit > MaxLimit)
        {
            return plan;
        }

        var topN = new LogicalTopNRanking(window.Input, first.PartitionBy, first.OrderBy, function, Math.Max(0, limit));
        return filter with { Input = window with { Input = topN } };
    }

    private static bool IsRanking(WindowFunctionCall f) => f.Aggregate is null && f.Name is "row_number" or "rank" or "dense_rank";

    private static int Looseness(string function) => function switch
    {
        "row_number" => 0,
        "rank" => 1,
        _ => 2,
    };

    private static bool SameSpecification(WindowFunctionCall a, WindowFunctionCall b) =>
        a.PartitionBy.SequenceEqual(b.PartitionBy) && a.OrderBy.SequenceEqual(b.OrderBy);

    /// <summary>The window function index and the largest value of it the conjunct lets through, when it bounds one.</summary>
    private static (int Function, long Limit)? UpperBound(BoundExpression conjunct, int inputWidth)
    {
        if (conjunct is not BoundOperator { Operands.Count: 2 } op)
        {
            return null;
        }

        var (column, constant, kind) = op.Operands[0] is BoundColumn c0 && Constant(op.Operands[1]) is { } k1
            ? (c0, k1, op.Kind)
            : op.Operands[1] is BoundColumn c1 && Constant(op.Operands[0]) is { } k0 ? (c1, k0, Mirror(op.Kind)) : (null, 0L, op.Kind);
        if (column is null || column.Index < inputWidth)
        {
            return null;
        }

        long? limit = kind switch
        {
            BoundOperatorKind.LessThanOrEqual or BoundOperatorKind.Equal => constant,
            BoundOperatorKind.LessThan => constant - 1,
            _ => null,
        };
        return limit is { } l ? (column.Index - inputWidth, l) : null;
    }

    private static BoundOperatorKind Mirror(BoundOperatorKind kind) => kind switch
    {
        BoundOperatorKind.LessThan => BoundOperatorKind.GreaterThan,
        BoundOperatorKind.LessThanOrEqual => BoundOperatorKind.GreaterThanOrEqual,
        BoundOperatorKind.GreaterThan => BoundOperatorKind.LessThan,
        BoundOperatorKind.GreaterThanOrEqual => BoundOperatorKind.LessThanOrEqual,
        _ => kind,
    };

    private static long? Constant(BoundExpression e) => e switch
    {
        BoundConstant { Value: long or int or short or sbyte } k => Convert.ToInt64(k.Value, CultureInfo.InvariantCulture),
        BoundCast { Operand: var inner } => Constant(inner),
        _ => null,
    };
}
