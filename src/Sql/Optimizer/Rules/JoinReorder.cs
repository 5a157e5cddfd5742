using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// Join ordering by estimated size for chains of three or more inner (and cross) joins. The join tree is flattened
/// into its inputs and its predicates (equi-join keys and ON/WHERE conditions, over the inputs' columns in their
/// original order); a left-deep tree is rebuilt greedily: the largest input (<see cref="CardinalityEstimator"/>)
/// is streamed at the bottom, and each step joins the smallest remaining input that a predicate connects to what
/// is joined so far (a cross product only when nothing connects), so hash tables are built on the small inputs
/// and no accidental cross product remains. Every predicate is applied at the first join that has all its columns
/// (equalities between the two sides become hash keys). A projection restores the original column order. Outer,
/// semi, anti and mark joins are not reordered (they are inputs of a region, and their own inputs are regions).
/// </summary>
public static class JoinReorder
{
    public static LogicalOperator Apply(LogicalOperator plan)
    {
        if (IsRegionJoin(plan))
        {
            var inputs = new List<LogicalOperator>();
            var predicates = new List<BoundExpression>();
            Flatten(plan, 0, inputs, predicates);
            for (var i = 0; i < inputs.Count; i++)
            {
                inputs[i] = Apply(inputs[i]);
            }

            return inputs.Count >= 3 ? Reorder((LogicalJoin)plan, inputs, predicates) : Rebuild(plan, inputs);
        }

        var children = plan.Children.Select(Apply).ToArray();
        return children.Length > 0 ? plan.WithChildren(children) : plan;
    }

    private static bool IsRegionJoin(LogicalOperator node) => node is LogicalJoin { Type: LogicalJoinType.Inner or LogicalJoinType.Cross, NullAware: false };

    /// <summary>Collects the region's inputs left to right and its predicates over the concatenated input columns.</summary>
    private static void Flatten(LogicalOperator node, int offset, List<LogicalOperator> inputs, List<BoundExpression> predicates)
    {
        if (!IsRegionJoin(node))
        {
            inputs.Add(node);
            return;
        }

        var join = (LogicalJoin)node;
        var leftWidth = join.Left.Columns.Count;
        Flatten(join.Left, offset, inputs, predicates);
        Flatten(join.Right, offset + leftWidth, inputs, predicates);
        for (var k = 0; k < join.LeftKeys.Count; k++)
        {
            var l = Binder.Shift(join.LeftKeys[k], offset);
            var r = Binder.Shift(join.RightKeys[k], offset + leftWidth);
            predicates.Add(new BoundOperator(BoundOperatorKind.Equal, [l, r], Types.SqlType.Boolean));
        }

        if (join.Condition is not null)
        {
            predicates.AddRange(Binder.Conjuncts(Binder.Shift(join.Condition, offset)));
        }
    }

    /// <summary>Puts the (recursively optimized) inputs back into the original tree shape.</summary>
    private static LogicalOperator Rebuild(LogicalOperator node, List<LogicalOperator> inputs)
    {
        var next = 0;
        LogicalOperator Walk(LogicalOperator n)
        {
            if (!IsRegionJoin(n))
            {
                return inputs[next++];
            }

            var j = (LogicalJoin)n;
            var left = Walk(j.Left);
            var right = Walk(j.Right);
            return j with { Left = left, Right = right };
        }

        return Walk(node);
    }

    private static LogicalOperator Reorder(LogicalJoin original, List<LogicalOperator> inputs, List<BoundExpression> predicates)
    {
        var starts = new int[inputs.Count];
        var total = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            starts[i] = total;
            total += inputs[i].Columns.Count;
        }

        int InputOf(int column)
        {
            var i = Array.BinarySearch(starts, column);
            if (i < 0)
            {
                i = ~i - 1;
            }

            // Zero-width inputs share a start with the next one: take the last input starting there.
            while (i + 1 < starts.Length && starts[i + 1] == column && column < total)
            {
                i++;
            }

            return i;
        }

        var uses = predicates.Select(p => Columns(p).Select(InputOf).ToHashSet()).ToArray();
        var estimates = inputs.Select(CardinalityEstimator.Estimate).ToArray();

        // Greedy order: the largest input first (streamed), then the smallest connected input.
        var order = new List<int>();
        var joined = new HashSet<int>();
        var first = Enumerable.Range(0, inputs.Count).OrderByDescending(i => estimates[i]).ThenBy(i => i).First();
        order.Add(first);
        joined.Add(first);
        while (order.Count < inputs.Count)
        {
            var candidates = Enumerable.Range(0, inputs.Count).Where(i => !joined.Contains(i)).ToList();
            var connected = candidates.Where(i => uses.Any(u => u.Contains(i) && u.Overlaps(joined) && u.All(x => x == i || joined.Contains(x)))).ToList();
            var pick = (connected.Count > 0 ? connected : candidates).OrderBy(i => estimates[i]).ThenBy(i => i).First();
            order.Add(pick);
            joined.Add(pick);
        }

        if (order.SequenceEqual(Enumerable.Range(0, inputs.Count)) && IsLeftDeep(original))
        {
            return Rebuild(original, inputs);
        }

        // Build the left-deep tree, tracking where each original column sits in the current output.
        var position = new int[total];
        Array.Fill(position, -1);
        var applied = new bool[predicates.Count];
        LogicalOperator current = inputs[order[0]];
        for (var c = 0; c < inputs[order[0]].Columns.Count; c++)
        {
            position[starts[order[0]] + c] = c;
        }

        var inCurrent = new HashSet<int> { order[0] };
        for (var step = 1; step < order.Count; step++)
        {
            var next = order[step];
            var width = current.Columns.Count;
            var nextPosition = new int[total];
            Array.Copy(position, nextPosition, total);
            for (var c = 0; c < inputs[next].Columns.Count; c++)
            {
                nextPosition[starts[next] + c] = width + c;
            }

            inCurrent.Add(next);
            var leftKeys = new List<BoundExpression>();
            var rightKeys = new List<BoundExpression>();
            var conditions = new List<BoundExpression>();
            for (var p = 0; p < predicates.Count; p++)
            {
                if (applied[p] || !uses[p].All(inCurrent.Contains))
                {
                    continue;
                }

                applied[p] = true;
                if (predicates[p] is BoundOperator { Kind: BoundOperatorKind.Equal, Operands: [var a, var b] } && EquiSides(a, b, next, InputOf) is { } sides)
                {
                    var (leftSide, rightSide) = sides;
                    leftKeys.Add(Remap(leftSide, nextPosition));
                    rightKeys.Add(Binder.Shift(Remap(rightSide, nextPosition), -width));
                }
                else
                {
                    conditions.Add(Remap(predicates[p], nextPosition));
                }
            }

            var type = leftKeys.Count > 0 || conditions.Count > 0 ? LogicalJoinType.Inner : LogicalJoinType.Cross;
            current = new LogicalJoin(current, inputs[next], type, leftKeys, rightKeys, conditions.Count == 0 ? null : Binder.And(conditions));
            position = nextPosition;
        }

        var columns = current.Columns;
        var expressions = new BoundExpression[total];
        var names = new string[total];
        for (var g = 0; g < total; g++)
        {
            var source = position[g];
            expressions[g] = new BoundColumn(source, columns[source].Type, columns[source].Name);
            names[g] = columns[source].Name;
        }

        return new LogicalProject(current, expressions, names);
    }

    /// <summary>For <c>a = b</c> with one side only over the joined inputs and the other only over <paramref name="next"/>: (joined side, next side).</summary>
    private static (BoundExpression Left, BoundExpression Right)? EquiSides(BoundExpression a, BoundExpression b, int next, Func<int, int> inputOf)
    {
        if (a.Type != b.Type)
        {
            return null; // hash keys are compared by encoding, so both sides need one type
        }

        var ua = Columns(a).Select(inputOf).ToHashSet();
        var ub = Columns(b).Select(inputOf).ToHashSet();
        if (ua.Count == 0 || ub.Count == 0)
        {
            return null;
        }

        if (!ua.Contains(next) && ub.All(i => i == next))
        {
            return (a, b);
        }

        if (!ub.Contains(next) && ua.All(i => i == next))
        {
            return (b, a);
        }

        return null;
    }

    private static BoundExpression Remap(BoundExpression e, int[] position) =>
        Binder.Rewrite(e, x => x is BoundColumn c ? c with { Index = position[c.Index] } : null);

    private static List<int> Columns(BoundExpression e)
    {
        var result = new List<int>();
        Binder.Rewrite(e, x =>
        {
            if (x is BoundColumn c)
            {
                result.Add(c.Index);
            }

            return null;
        });
        return result;
    }

    private static bool IsLeftDeep(LogicalOperator node) => node is not LogicalJoin j || !IsRegionJoin(j) || (!IsRegionJoin(j.Right) && IsLeftDeep(j.Left));
}
