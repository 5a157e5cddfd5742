using Lakehouse.Parquet.Reading;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// Decides from Parquet row-group min/max/null statistics whether a row group can hold rows passing the
/// filter. Only conjuncts of the form <c>column op constant</c> (=, &lt;, &lt;=, &gt;, &gt;=, IS NULL) over
/// numeric and string columns are used; anything else keeps the row group.
/// </summary>
internal sealed class RowGroupPruner
{
    private readonly List<(string Column, BoundOperatorKind Op, object? Value, SqlType Type)> _predicates = [];

    public RowGroupPruner(BoundExpression filter, IReadOnlyList<string> names, IReadOnlyList<SqlType> types)
    {
        foreach (var conjunct in Conjuncts(filter))
        {
            if (conjunct is BoundOperator { Kind: BoundOperatorKind.IsNull } isNull && isNull.Operands[0] is BoundColumn nc)
            {
                _predicates.Add((names[nc.Index], BoundOperatorKind.IsNull, null, types[nc.Index]));
                continue;
            }

            if (conjunct is not BoundOperator { Operands.Count: 2 } op || op.Kind is not (BoundOperatorKind.Equal or BoundOperatorKind.LessThan or BoundOperatorKind.LessThanOrEqual or BoundOperatorKind.GreaterThan or BoundOperatorKind.GreaterThanOrEqual))
            {
                continue;
            }

            var (col, constant, kind) = (op.Operands[0], op.Operands[1]) switch
            {
                (BoundColumn c, BoundConstant k) => (c, k, op.Kind),
                (BoundConstant k, BoundColumn c) => (c, k, Flip(op.Kind)),
                _ => ((BoundColumn?)null, (BoundConstant?)null, op.Kind),
            };
            if (col is null || constant is null || constant.Value is null)
            {
                continue;
            }

            _predicates.Add((names[col.Index], kind, constant.Value, types[col.Index]));
        }
    }

    public static IEnumerable<BoundExpression> Conjuncts(BoundExpression e)
    {
        if (e is BoundOperator { Kind: BoundOperatorKind.And } and)
        {
            foreach (var o in and.Operands)
            {
                foreach (var c in Conjuncts(o))
                {
                    yield return c;
                }
            }
        }
        else
        {
            yield return e;
        }
    }

    private static BoundOperatorKind Flip(BoundOperatorKind k) => k switch
    {
        BoundOperatorKind.LessThan => BoundOperatorKind.GreaterThan,
        BoundOperatorKind.LessThanOrEqual => BoundOperatorKind.GreaterThanOrEqual,
        BoundOperatorKind.GreaterThan => BoundOperatorKind.LessThan,
        BoundOperatorKind.GreaterThanOrEqual => BoundOperatorKind.LessThanOrEqual,
        _ => k,
    };

    public bool MightMatch(RowGroupStatistics stats)
    {
        foreach (var (column, op, value, type) in _predicates)
        {
            ColumnChunkStatistics? s;
            try
            {
                s = stats.Find(column);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                continue;
            }

            if (s is null)
            {
                continue;
            }

            if (op == BoundOperatorKind.IsNull)
            {
                if (s.NullCount == 0)
                {
                    return false;
                }

                continue;
            }

            if (s.NumValues > 0 && s.NullCount == s.NumValues)
            {
                return false; // all null: no comparison is true
            }

            if (!s.HasMinMax || (type.Kind == SqlTypeKind.Varchar && (!s.IsMinExact || !s.IsMaxExact)))
            {
                continue;
            }

            object? min, max;
            try
            {
                min = s.DecodeBound(s.Min);
                max = s.DecodeBound(s.Max);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
            {
                continue;
            }

            var cmin = Compare(min, value!, type);
            var cmax = Compare(max, value!, type);
            if (cmin is null || cmax is null)
            {
                continue;
            }

            var excluded = op switch
            {
                BoundOperatorKind.Equal => cmin > 0 || cmax < 0,
                BoundOperatorKind.LessThan => cmin >= 0,
                BoundOperatorKind.LessThanOrEqual => cmin > 0,
                BoundOperatorKind.GreaterThan => cmax <= 0,
                _ => cmax < 0,
            };
            if (excluded)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Compares a decoded statistics bound with a SQL constant; null when they are not comparable.</summary>
    private static int? Compare(object? bound, object value, SqlType type)
    {
        if (bound is null)
        {
            return null;
        }

        try
        {
            if (type.IsInteger && bound is IConvertible && value is IConvertible && bound is not string && bound is not decimal)
            {
                return Convert.ToInt64(bound, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (type.IsFloatingPoint && bound is double or float && value is double or float)
            {
                var b = Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture);
                var v = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                return double.IsNaN(b) || double.IsNaN(v) ? null : b.CompareTo(v);
            }

            if (type.Kind == SqlTypeKind.Varchar && value is string sv)
            {
                var bs = bound switch
                {
                    string s => s,
                    byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                    _ => null,
                };
                return bs is null ? null : string.CompareOrdinal(bs, sv) is var c ? Math.Sign(c) : null;
            }
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
        {
            return null;
        }

        return null;
    }
}
