using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// = &lt;&gt; &lt; &lt;= &gt; &gt;= and IS [NOT] DISTINCT FROM over operands of one type. Strings compare by
/// UTF-8 bytes (= code point order, as Trino). Nested and other types compare through their sort keys.
/// </summary>
internal static class ComparisonKernels
{
    public static ColumnVector Compare(BoundOperatorKind kind, ColumnVector l, ColumnVector r, int n)
    {
        var result = new BoolVectorBuilder(n);
        var distinct = kind is BoundOperatorKind.IsDistinctFrom or BoundOperatorKind.IsNotDistinctFrom;
        switch (l.Type.Kind)
        {
            case SqlTypeKind.TinyInt:
                Loop<sbyte>(kind, l, r, n, result);
                break;
            case SqlTypeKind.SmallInt:
                Loop<short>(kind, l, r, n, result);
                break;
            case SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth:
                Loop<int>(kind, l, r, n, result);
                break;
            case SqlTypeKind.BigInt or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone or SqlTypeKind.IntervalDayToSecond:
                Loop<long>(kind, l, r, n, result);
                break;
            case SqlTypeKind.Real:
                Loop<float>(kind, l, r, n, result);
                break;
            case SqlTypeKind.Double:
                Loop<double>(kind, l, r, n, result);
                break;
            case SqlTypeKind.Decimal:
                if (l.Type.Scale != r.Type.Scale)
                {
                    throw new InvalidOperationException("decimal comparison operands must share a scale");
                }

                Loop<Int128>(kind, l, r, n, result);
                break;
            case SqlTypeKind.Unknown:
                for (var i = 0; i < n; i++)
                {
                    if (distinct)
                    {
                        result.Set(i, (kind == BoundOperatorKind.IsDistinctFrom) == (l.IsNull(i) != r.IsNull(i)));
                    }
                    else
                    {
                        result.SetNull(i);
                    }
                }

                break;
            default:
                Generic(kind, l, r, n, result);
                break;
        }

        return result.Build();
    }

    private static void Loop<T>(BoundOperatorKind kind, ColumnVector l, ColumnVector r, int n, BoolVectorBuilder result)
        where T : unmanaged, IComparable<T>
    {
        var a = ExpressionEvaluator.Values<T>(l);
        var b = ExpressionEvaluator.Values<T>(r);
        bool lc = l.IsConstant, rc = r.IsConstant;
        var nulls = l.Array.NullCount > 0 || r.Array.NullCount > 0;
        for (var i = 0; i < n; i++)
        {
            if (nulls && Nulls(kind, l, r, i, result))
            {
                continue;
            }

            result.Set(i, Decide(kind, a[lc ? 0 : i].CompareTo(b[rc ? 0 : i])));
        }
    }

    private static void Generic(BoundOperatorKind kind, ColumnVector l, ColumnVector r, int n, BoolVectorBuilder result)
    {
        if (l.Array is BinaryArray la && r.Array is BinaryArray ra)
        {
            for (var i = 0; i < n; i++)
            {
                if (Nulls(kind, l, r, i, result))
                {
                    continue;
                }

                result.Set(i, Decide(kind, la.GetBytes(l.Index(i)).SequenceCompareTo(ra.GetBytes(r.Index(i)))));
            }

            return;
        }

        if (l.Type.Kind == SqlTypeKind.Boolean)
        {
            var lb = (BooleanArray)l.Array;
            var rb = (BooleanArray)r.Array;
            for (var i = 0; i < n; i++)
            {
                if (Nulls(kind, l, r, i, result))
                {
                    continue;
                }

                result.Set(i, Decide(kind, lb.Value(l.Index(i)).CompareTo(rb.Value(r.Index(i)))));
            }

            return;
        }

        // Everything else (uuid, arrays, rows, maps): compare normalized sort keys.
        var lk = SortKeyEncoder.Encode([l.ToArray()], [l.Type], [false], [false], n);
        var rk = SortKeyEncoder.Encode([r.ToArray()], [r.Type], [false], [false], n);
        for (var i = 0; i < n; i++)
        {
            if (Nulls(kind, l, r, i, result))
            {
                continue;
            }

            result.Set(i, Decide(kind, lk.Key(i).SequenceCompareTo(rk.Key(i))));
        }
    }

    /// <summary>Handles null operands; true when the slot is decided.</summary>
    private static bool Nulls(BoundOperatorKind kind, ColumnVector l, ColumnVector r, int i, BoolVectorBuilder result)
    {
        var ln = l.IsNull(i);
        var rn = r.IsNull(i);
        if (!ln && !rn)
        {
            return false;
        }

        switch (kind)
        {
            case BoundOperatorKind.IsDistinctFrom:
                result.Set(i, ln != rn);
                break;
            case BoundOperatorKind.IsNotDistinctFrom:
                result.Set(i, ln == rn);
                break;
            default:
                result.SetNull(i);
                break;
        }

        return true;
    }

    private static bool Decide(BoundOperatorKind kind, int c) => kind switch
    {
        BoundOperatorKind.Equal or BoundOperatorKind.IsNotDistinctFrom => c == 0,
        BoundOperatorKind.NotEqual or BoundOperatorKind.IsDistinctFrom => c != 0,
        BoundOperatorKind.LessThan => c < 0,
        BoundOperatorKind.LessThanOrEqual => c <= 0,
        BoundOperatorKind.GreaterThan => c > 0,
        _ => c >= 0,
    };
}
