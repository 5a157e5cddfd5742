using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// Evaluates bound expressions over a chunk, one vector per node (not per row). Constant subtrees are
/// computed once on one slot. CASE evaluates each branch only on the rows that reach it, so a guarded
/// division by zero does not fail.
/// </summary>
public static partial class ExpressionEvaluator
{
    public static ColumnVector Evaluate(BoundExpression expression, DataChunk chunk, FunctionContext context)
    {
        var n = chunk.Length;
        switch (expression)
        {
            case BoundColumn c:
                return ColumnVector.FromArray(c.Type, chunk.Columns[c.Index]);
            case BoundConstant k:
                return ColumnVector.Constant(k.Type, k.Array, n);
            case BoundParameter p:
                throw new SqlException(SqlErrorKind.Execution, $"no value for parameter ${p.Index + 1}");
            case BoundCase cs:
                return EvaluateCase(cs, chunk, context);
            default:
                break;
        }

        var children = expression.Children;
        var args = new ColumnVector[children.Count];
        var allConstant = true;
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Evaluate(children[i], chunk, context);
            allConstant &= args[i].IsConstant;
        }

        if (allConstant && args.Length > 0 && (expression is not BoundFunctionCall f || f.Function.IsDeterministic))
        {
            var one = new ColumnVector[args.Length];
            for (var i = 0; i < one.Length; i++)
            {
                one[i] = args[i].WithLength(1);
            }

            var single = Apply(expression, one, 1, context);
            return ColumnVector.Constant(expression.Type, single.IsConstant ? single.Array : single.Array.Length == 1 ? single.Array : single.Array.Slice(0, 1), n);
        }

        return Apply(expression, args, n, context);
    }

    /// <summary>Evaluates a predicate into a selection of the rows where it is true.</summary>
    public static int[] Select(BoundExpression predicate, DataChunk chunk, FunctionContext context, out int count)
    {
        var v = Evaluate(predicate, chunk, context);
        var n = chunk.Length;
        var rows = new int[n];
        count = 0;
        if (v.IsConstant)
        {
            if (v.IsValid(0) && ((BooleanArray)v.Array).Value(0))
            {
                for (var r = 0; r < n; r++)
                {
                    rows[r] = r;
                }

                count = n;
            }

            return rows;
        }

        var b = (BooleanArray)v.Array;
        var values = b.ValueBitmap;
        var off = b.Offset;
        var validity = b.ValidityBitmap;
        var hasNulls = b.NullCount > 0;
        for (var r = 0; r < n; r++)
        {
            if (Arrow.Memory.BitUtil.GetBit(values, off + r) && (!hasNulls || Arrow.Memory.BitUtil.GetBit(validity, off + r)))
            {
                rows[count++] = r;
            }
        }

        return rows;
    }

    private static ColumnVector Apply(BoundExpression expression, ColumnVector[] args, int n, FunctionContext context)
    {
        switch (expression)
        {
            case BoundFunctionCall call:
                {
                    var result = call.Function.Invoke(args, n, context);
                    if (result.Length != n && !result.IsConstant)
                    {
                        throw new InvalidOperationException($"{call.Function} returned {result.Length} rows for {n}");
                    }

                    return result.IsConstant ? result.WithLength(n) : result;
                }

            case BoundCast cast:
                return CastKernels.Cast(args[0], cast.Type, cast.IsTry, n, context);
            case BoundOperator op:
                return EvaluateOperator(op, args, n);
            case BoundInList:
                return EvaluateInList(args, n);
            case BoundLike like:
                return LikeKernels.Like(args[0], args[1], args.Length > 2 ? args[2] : null, like.CaseInsensitive, n);
            case BoundSpecialFunction special:
                return SpecialKernels.Evaluate(special, args, n);
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"cannot evaluate {expression.GetType().Name}");
        }
    }

    private static ColumnVector EvaluateCase(BoundCase cs, DataChunk chunk, FunctionContext context)
    {
        var n = chunk.Length;
        var remaining = new int[n];
        for (var r = 0; r < n; r++)
        {
            remaining[r] = r;
        }

        var remainingCount = n;
        var current = chunk;
        var pieces = new List<(ColumnVector Values, int[] Rows, int Count)>();
        for (var w = 0; w < cs.Conditions.Count && remainingCount > 0; w++)
        {
            var taken = Select(cs.Conditions[w], current, context, out var takenCount);
            if (takenCount > 0)
            {
                var sub = takenCount == current.Length ? current : current.Gather(taken.AsSpan(0, takenCount));
                var value = Evaluate(cs.Results[w], sub, context);
                var rows = new int[takenCount];
                for (var i = 0; i < takenCount; i++)
                {
                    rows[i] = remaining[taken[i]];
                }

                pieces.Add((value, rows, takenCount));
            }

            if (takenCount == current.Length)
            {
                remainingCount = 0;
                break;
            }

            // Keep the rows not taken.
            var keep = new int[current.Length - takenCount];
            var k = 0;
            var t = 0;
            for (var i = 0; i < current.Length; i++)
            {
                if (t < takenCount && taken[t] == i)
                {
                    t++;
                }
                else
                {
                    keep[k++] = i;
                }
            }

            var newRemaining = new int[k];
            for (var i = 0; i < k; i++)
            {
                newRemaining[i] = remaining[keep[i]];
            }

            current = current.Gather(keep);
            remaining = newRemaining;
            remainingCount = k;
        }

        if (remainingCount > 0)
        {
            var value = Evaluate(cs.Else, current, context);
            pieces.Add((value, remaining, remainingCount));
        }

        if (pieces.Count == 1 && pieces[0].Count == n)
        {
            // One branch took every row in order.
            return pieces[0].Values;
        }

        // Scatter: concatenate the pieces and gather each row from its piece.
        var arrays = new ArrowArray[pieces.Count];
        var indices = new int[n];
        var basePos = 0;
        for (var p = 0; p < pieces.Count; p++)
        {
            var (values, rows, count) = pieces[p];
            arrays[p] = values.IsConstant ? values.Array : values.Array;
            for (var i = 0; i < count; i++)
            {
                indices[rows[i]] = basePos + (values.IsConstant ? 0 : i);
            }

            basePos += arrays[p].Length;
        }

        var all = ArrayGather.Concat(arrays, cs.Type.ArrowType);
        return ColumnVector.FromArray(cs.Type, ArrayGather.Gather(all, indices));
    }

    private static ColumnVector EvaluateInList(ColumnVector[] args, int n)
    {
        // value = item1 OR value = item2 ... with three-valued logic.
        var result = new BoolVectorBuilder(n);
        var value = args[0];
        var matched = new bool[n];
        var sawNull = new bool[n];
        for (var i = 1; i < args.Length; i++)
        {
            var eq = ComparisonKernels.Compare(BoundOperatorKind.Equal, value, args[i], n);
            var b = (BooleanArray)eq.Array;
            for (var r = 0; r < n; r++)
            {
                var idx = eq.Index(r);
                if (b.IsNull(idx))
                {
                    sawNull[r] = true;
                }
                else if (b.Value(idx))
                {
                    matched[r] = true;
                }
            }
        }

        for (var r = 0; r < n; r++)
        {
            if (matched[r])
            {
                result.Set(r, true);
            }
            else if (sawNull[r] || value.IsNull(r))
            {
                result.SetNull(r);
            }
        }

        return result.Build();
    }

    private static ColumnVector EvaluateOperator(BoundOperator op, ColumnVector[] args, int n)
    {
        switch (op.Kind)
        {
            case BoundOperatorKind.Add or BoundOperatorKind.Subtract or BoundOperatorKind.Multiply or BoundOperatorKind.Divide or BoundOperatorKind.Modulo:
                return ArithmeticKernels.Binary(op.Kind, args[0], args[1], op.Type, n);
            case BoundOperatorKind.Negate:
                return ArithmeticKernels.Negate(args[0], op.Type, n);
            case BoundOperatorKind.Equal or BoundOperatorKind.NotEqual or BoundOperatorKind.LessThan or BoundOperatorKind.LessThanOrEqual
                or BoundOperatorKind.GreaterThan or BoundOperatorKind.GreaterThanOrEqual or BoundOperatorKind.IsDistinctFrom or BoundOperatorKind.IsNotDistinctFrom:
                return ComparisonKernels.Compare(op.Kind, args[0], args[1], n);
            case BoundOperatorKind.And or BoundOperatorKind.Or:
                return LogicKernels.AndOr(op.Kind == BoundOperatorKind.And, args, n);
            case BoundOperatorKind.Not:
                return LogicKernels.Not(args[0], n);
            case BoundOperatorKind.IsNull or BoundOperatorKind.IsNotNull:
                {
                    var b = new BoolVectorBuilder(n);
                    var wantNull = op.Kind == BoundOperatorKind.IsNull;
                    for (var r = 0; r < n; r++)
                    {
                        b.Set(r, args[0].IsNull(r) == wantNull);
                    }

                    return b.Build();
                }

            case BoundOperatorKind.Concatenate:
                return ArithmeticKernels.Concatenate(args[0], args[1], n);
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"operator {op.Kind}");
        }
    }

    /// <summary>Typed value span of a fixed-width vector's storage (decimal128 as Int128).</summary>
    internal static ReadOnlySpan<T> Values<T>(ColumnVector v)
        where T : unmanaged => v.Array switch
        {
            PrimitiveArray<T> p => p.Values,
            DecimalArray d => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(d.Data.Buffers[1].Span).Slice(d.Offset, d.Length),
            _ => throw new InvalidOperationException($"{v.Array.Type} is not stored as {typeof(T).Name}"),
        };

    internal static SqlException Overflow(SqlType type, string what) => new(SqlErrorKind.Execution, $"{type} overflow in {what}");
}
