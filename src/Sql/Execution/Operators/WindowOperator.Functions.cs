using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Computes one window function over the materialized input: rows are sorted by (partition keys, order
/// keys); partition and peer boundaries come from the normalized keys. Ranking and offset functions are
/// index arithmetic; aggregates over frames use a running state for frames starting at UNBOUNDED PRECEDING
/// (copied out per row with <see cref="GroupedAggregateState.Merge"/>), one group per partition for whole
/// partitions, and one group per row otherwise.
/// </summary>
public sealed partial class WindowOperator
{
    private static ArrowArray Compute(WindowFunctionCall f, DataChunk chunk, QueryContext context)
    {
        var n = chunk.Length;
        var partCols = f.PartitionBy.Select(e => ExpressionEvaluator.Evaluate(e, chunk, context.Functions).ToArray()).ToArray();
        var orderCols = f.OrderBy.Select(k => ExpressionEvaluator.Evaluate(k.Expression, chunk, context.Functions).ToArray()).ToArray();
        var partKeys = SortKeyEncoder.EncodeForEquality(partCols, f.PartitionBy.Select(e => e.Type).ToArray(), n);
        var orderKeys = SortKeyEncoder.Encode(orderCols, f.OrderBy.Select(k => k.Expression.Type).ToArray(), f.OrderBy.Select(k => k.Descending).ToArray(), f.OrderBy.Select(k => k.NullsFirst).ToArray(), n);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = partKeys.Key(a).SequenceCompareTo(partKeys.Key(b));
            if (c == 0)
            {
                c = orderKeys.Key(a).SequenceCompareTo(orderKeys.Key(b));
            }

            return c != 0 ? c : a.CompareTo(b);
        });

        // Partition start/end and peer group start/end per sorted position.
        var partStart = new int[n];
        var partEnd = new int[n];
        var peerStart = new int[n];
        var peerEnd = new int[n];
        for (var p = 0; p < n; p++)
        {
            var newPart = p == 0 || !partKeys.Key(order[p]).SequenceEqual(partKeys.Key(order[p - 1]));
            partStart[p] = newPart ? p : partStart[p - 1];
            var newPeer = newPart || !orderKeys.Key(order[p]).SequenceEqual(orderKeys.Key(order[p - 1]));
            peerStart[p] = newPeer ? p : peerStart[p - 1];
        }

        for (var p = n - 1; p >= 0; p--)
        {
            var lastOfPart = p == n - 1 || partStart[p + 1] != partStart[p];
            partEnd[p] = lastOfPart ? p + 1 : partEnd[p + 1];
            var lastOfPeer = lastOfPart || peerStart[p + 1] != peerStart[p];
            peerEnd[p] = lastOfPeer ? p + 1 : peerEnd[p + 1];
        }

        var args = f.Arguments.Select(a => ExpressionEvaluator.Evaluate(a, chunk, context.Functions)).ToArray();
        switch (f.Name)
        {
            case "row_number":
                return Longs(n, order, p => p - partStart[p] + 1);
            case "rank":
                return Longs(n, order, p => peerStart[p] - partStart[p] + 1);
            case "dense_rank":
                {
                    var dense = new long[n];
                    for (var p = 0; p < n; p++)
                    {
                        dense[p] = p == partStart[p] ? 1 : dense[p - 1] + (peerStart[p] == p ? 1 : 0);
                    }

                    return Longs(n, order, p => dense[p]);
                }

            case "percent_rank":
                return Doubles(n, order, p => partEnd[p] - partStart[p] <= 1 ? 0 : (peerStart[p] - partStart[p]) / (double)(partEnd[p] - partStart[p] - 1));
            case "cume_dist":
                return Doubles(n, order, p => (peerEnd[p] - partStart[p]) / (double)(partEnd[p] - partStart[p]));
            case "ntile":
                {
                    var buckets = ConstantLong(f.Arguments[0], "ntile");
                    if (buckets <= 0)
                    {
                        throw new SqlException(SqlErrorKind.Execution, "Buckets must be greater than 0");
                    }

                    return Longs(n, order, p =>
                    {
                        long size = partEnd[p] - partStart[p];
                        long i = p - partStart[p];
                        var small = size / buckets;
                        var large = size % buckets;
                        var threshold = large * (small + 1);
                        return i < threshold ? (i / (small + 1)) + 1 : large + ((i - threshold) / Math.Max(1, small)) + 1;
                    });
                }

            case "lag" or "lead":
                {
                    var offset = f.Arguments.Count > 1 ? ConstantLong(f.Arguments[1], f.Name) : 1;
                    if (offset < 0)
                    {
                        throw new SqlException(SqlErrorKind.Execution, $"Offset must be at least 0");
                    }

                    var sign = f.Name == "lag" ? -1 : 1;
                    var indices = new int[n];
                    var useDefault = new bool[n];
                    for (var p = 0; p < n; p++)
                    {
                        var t = p + (sign * offset);
                        if (t >= partStart[p] && t < partEnd[p])
                        {
                            indices[order[p]] = order[(int)t];
                        }
                        else
                        {
                            indices[order[p]] = -1;
                            useDefault[order[p]] = true;
                        }
                    }

                    var values = ColumnVector.FromArray(f.Type, ArrayGather.Gather(args[0].ToArray(), indices));
                    if (args.Length < 3)
                    {
                        return values.Array;
                    }

                    var choice = new int[n];
                    for (var r = 0; r < n; r++)
                    {
                        choice[r] = useDefault[r] ? 1 : 0;
                    }

                    return VectorChoice.Choose(f.Type, [values, args[2]], choice, n).ToArray();
                }

            case "first_value" or "last_value" or "nth_value":
                {
                    var nth = f.Name == "nth_value" ? ConstantLong(f.Arguments[1], "nth_value") : 1;
                    if (nth <= 0)
                    {
                        throw new SqlException(SqlErrorKind.Execution, "Offset must be at least 1");
                    }

                    var indices = new int[n];
                    var numeric = NumericOrderKey(f, orderCols);
                    for (var p = 0; p < n; p++)
                    {
                        var (fs, fe) = Frame(f, p, partStart, partEnd, peerStart, peerEnd, order, numeric);
                        long pick = f.Name switch
                        {
                            "first_value" => fs,
                            "last_value" => fe - 1,
                            _ => fs + nth - 1,
                        };
                        indices[order[p]] = fs < fe && pick >= fs && pick < fe ? order[pick] : -1;
                    }

                    return ArrayGather.Gather(args[0].ToArray(), indices);
                }

            default:
                return Aggregate(f, args, n, order, partStart, partEnd, peerStart, peerEnd, orderCols);
        }
    }

    private static ArrowArray Aggregate(WindowFunctionCall f, ColumnVector[] args, int n, int[] order, int[] partStart, int[] partEnd, int[] peerStart, int[] peerEnd, ArrowArray[] orderCols)
    {
        var function = f.Aggregate ?? throw new SqlException(SqlErrorKind.NotImplemented, $"window function {f.Name}");
        var result = function.CreateState();
        result.EnsureGroups(n);
        var full = args.Select(a => a.IsConstant ? a : ColumnVector.FromArray(a.Type, a.ToArray())).ToArray();
        var numeric = NumericOrderKey(f, orderCols);
        if (f.StartKind == FrameBoundKind.UnboundedPreceding && f.EndKind == FrameBoundKind.UnboundedFollowing)
        {
            // One group per partition, then spread.
            var groupOf = new int[n];
            var partitionIds = new int[n];
            var partitions = 0;
            for (var p = 0; p < n; p++)
            {
                if (p == partStart[p])
                {
                    partitions++;
                }

                partitionIds[p] = partitions - 1;
                groupOf[order[p]] = partitions - 1;
            }

            var state = function.CreateState();
            state.EnsureGroups(partitions);
            state.Update(groupOf, full, n);
            var values = state.Finish(partitions);
            return ArrayGather.Gather(values, groupOf);
        }

        if (f.StartKind == FrameBoundKind.UnboundedPreceding)
        {
            // Running state per partition, copied into the result group of each row.
            var map = new int[1];
            var zero = new int[1];
            GroupedAggregateState? running = null;
            var fed = 0;
            for (var p = 0; p < n; p++)
            {
                if (p == partStart[p])
                {
                    running = function.CreateState();
                    running.EnsureGroups(1);
                    fed = p;
                }

                var (_, fe) = Frame(f, p, partStart, partEnd, peerStart, peerEnd, order, numeric);
                while (fed < fe)
                {
                    Feed(running!, full, order[fed], zero);
                    fed++;
                }

                map[0] = order[p];
                result.Merge(running!, map);
            }

            return result.Finish(n);
        }

        // General frames: each row's frame rows feed the row's own group.
        var groupIds = new List<int>();
        var rows = new List<int>();
        for (var p = 0; p < n; p++)
        {
            var (fs, fe) = Frame(f, p, partStart, partEnd, peerStart, peerEnd, order, numeric);
            for (var q = fs; q < fe; q++)
            {
                groupIds.Add(order[p]);
                rows.Add(order[q]);
            }
        }

        if (rows.Count > 0)
        {
            var idx = rows.ToArray();
            var sub = full.Select(a => a.IsConstant ? a.WithLength(idx.Length) : ColumnVector.FromArray(a.Type, ArrayGather.Gather(a.Array, idx))).ToArray();
            result.Update(groupIds.ToArray(), sub, idx.Length);
        }

        return result.Finish(n);
    }

    private static void Feed(GroupedAggregateState state, ColumnVector[] args, int row, int[] zero)
    {
        var one = new ColumnVector[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            one[i] = args[i].IsConstant ? args[i].WithLength(1) : ColumnVector.FromArray(args[i].Type, args[i].Array.Slice(row, 1));
        }

        state.Update(zero, one, 1);
    }

    /// <summary>The frame of sorted position p as [start, end) sorted positions.</summary>
    private static (int Start, int End) Frame(WindowFunctionCall f, int p, int[] partStart, int[] partEnd, int[] peerStart, int[] peerEnd, int[] order, double[]? numeric)
    {
        long Bound(FrameBoundKind kind, long offset, bool isStart)
        {
            switch (kind)
            {
                case FrameBoundKind.UnboundedPreceding:
                    return partStart[p];
                case FrameBoundKind.UnboundedFollowing:
                    return partEnd[p] - 1;
                case FrameBoundKind.CurrentRow:
                    return f.FrameUnit == FrameUnit.Rows ? p : isStart ? peerStart[p] : peerEnd[p] - 1;
                default:
                    {
                        var sign = kind == FrameBoundKind.Preceding ? -1 : 1;
                        if (f.FrameUnit == FrameUnit.Rows)
                        {
                            return p + (sign * offset);
                        }

                        if (numeric is null)
                        {
                            throw new SqlException(SqlErrorKind.NotImplemented, "RANGE frames with offsets need one numeric ORDER BY key");
                        }

                        var descending = f.OrderBy[0].Descending;
                        var target = numeric[order[p]] + (sign * offset * (descending ? -1 : 1));
                        if (isStart)
                        {
                            var q = partStart[p];
                            while (q < partEnd[p] && (descending ? numeric[order[q]] > target : numeric[order[q]] < target))
                            {
                                q++;
                            }

                            return q;
                        }

                        var e = partEnd[p] - 1;
                        while (e >= partStart[p] && (descending ? numeric[order[e]] < target : numeric[order[e]] > target))
                        {
                            e--;
                        }

                        return e;
                    }
            }
        }

        var start = Math.Max(partStart[p], Bound(f.StartKind, f.StartOffset, true));
        var end = Math.Min(partEnd[p] - 1, Bound(f.EndKind, f.EndOffset, false));
        return start > end ? (p, p) : ((int)start, (int)end + 1);
    }

    private static double[]? NumericOrderKey(WindowFunctionCall f, ArrowArray[] orderCols)
    {
        if (f.FrameUnit != FrameUnit.Range || orderCols.Length != 1 || (f.StartKind is not (FrameBoundKind.Preceding or FrameBoundKind.Following) && f.EndKind is not (FrameBoundKind.Preceding or FrameBoundKind.Following)))
        {
            return null;
        }

        var type = f.OrderBy[0].Expression.Type;
        var col = orderCols[0];
        var values = new double[col.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = ArrayFactory.GetValue(col, i, type);
            values[i] = v switch
            {
                null => double.NaN,
                SqlDecimal d => d.ToDouble(),
                DateOnly d => d.DayNumber,
                IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new SqlException(SqlErrorKind.NotImplemented, $"RANGE offsets over {type}"),
            };
        }

        return values;
    }

    private static long ConstantLong(BoundExpression e, string function) => e is BoundConstant { Value: not null } k
        ? Convert.ToInt64(k.Value, System.Globalization.CultureInfo.InvariantCulture)
        : throw new SqlException(SqlErrorKind.NotImplemented, $"{function} needs a constant argument");

    private static ArrowArray Longs(int n, int[] order, Func<int, long> value)
    {
        var result = new long[n];
        for (var p = 0; p < n; p++)
        {
            result[order[p]] = value(p);
        }

        return ArrayFactory.FromSpan<long>(SqlType.BigInt, result, null, 0);
    }

    private static ArrowArray Doubles(int n, int[] order, Func<int, double> value)
    {
        var result = new double[n];
        for (var p = 0; p < n; p++)
        {
            result[order[p]] = value(p);
        }

        return ArrayFactory.FromSpan<double>(SqlType.Double, result, null, 0);
    }
}
