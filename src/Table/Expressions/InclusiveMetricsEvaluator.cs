using System.Text;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Decides from a file's column metrics whether rows of the file might match a filter (true) or certainly
/// cannot (false). Unknown metrics always mean "might match". Bounds of columns nested in lists or maps are
/// not used (they describe many values per row); NaN bounds of floating-point columns are not trusted. Row
/// semantics are those of <see cref="BoundPredicate.Test"/> (nulls never compare; NaN is the greatest value).
/// </summary>
public sealed class InclusiveMetricsEvaluator
{
    private const int InLimit = 200;

    private readonly Schema _schema;
    private readonly Expression _bound;

    public InclusiveMetricsEvaluator(Schema schema, Expression filter, bool caseSensitive = true)
    {
        _schema = schema;
        _bound = Binder.Bind(schema, filter, caseSensitive);
    }

    public bool MightMatch(FileMetrics metrics)
    {
        if (metrics.RecordCount == 0)
        {
            return false;
        }

        return metrics.RecordCount < 0 || Eval(_bound, metrics);
    }

    private bool Eval(Expression e, FileMetrics m) => e switch
    {
        AlwaysTrue => true,
        AlwaysFalse => false,
        And a => Eval(a.Left, m) && Eval(a.Right, m),
        Or o => Eval(o.Left, m) || Eval(o.Right, m),
        BoundPredicate p => Predicate(p, m),
        _ => true,
    };

    private bool Predicate(BoundPredicate p, FileMetrics m)
    {
        var id = p.FieldId;
        var type = p.Reference.Type;
        if (IsInRepeated(id))
        {
            return true;
        }

        switch (p.Op)
        {
            case Operation.IsNull:
                return !(m.NullValueCounts.TryGetValue(id, out var nulls) && nulls == 0);
            case Operation.NotNull:
                return !ContainsNullsOnly(m, id);
            case Operation.IsNaN:
                if (m.NanValueCounts.TryGetValue(id, out var nans) && nans == 0)
                {
                    return false;
                }

                return !ContainsNullsOnly(m, id);
            case Operation.NotNaN:
                return !(m.NanValueCounts.TryGetValue(id, out var n2) && m.ValueCounts.TryGetValue(id, out var v2) && n2 == v2);
            case Operation.NotEqual or Operation.NotIn:
                return true;
            case Operation.NotStartsWith:
                {
                    // Nulls match "not starts with"; only a file whose values all share the prefix is pruned.
                    if (!m.NullValueCounts.TryGetValue(id, out var nullCount) || nullCount != 0)
                    {
                        return true;
                    }

                    var prefix = Encoding.UTF8.GetBytes((string)p.Literal);
                    return !(m.LowerBounds.TryGetValue(id, out var lo) && m.UpperBounds.TryGetValue(id, out var hi)
                        && lo.AsSpan().StartsWith(prefix) && hi.AsSpan().StartsWith(prefix));
                }

            default:
                break;
        }

        if (ContainsNullsOnly(m, id))
        {
            return false;
        }

        // NaN sorts above every number and bounds exclude NaN: a file that may hold NaN might match > and >=,
        // and a file of only NaN (and nulls) cannot match <, <=, == or in.
        var mayHaveNaN = type.TypeId is TypeId.Float or TypeId.Double && !(m.NanValueCounts.TryGetValue(id, out var nanCount) && nanCount == 0);
        if (mayHaveNaN && p.Op is Operation.GreaterThan or Operation.GreaterThanOrEqual)
        {
            return true;
        }

        if (ContainsNaNsOnly(m, id))
        {
            return false;
        }

        var lower = Bound(m.LowerBounds, id, type);
        var upper = Bound(m.UpperBounds, id, type);
        switch (p.Op)
        {
            case Operation.LessThan:
                return lower is null || Literals.Compare(lower, p.Literal) < 0;
            case Operation.LessThanOrEqual:
                return lower is null || Literals.Compare(lower, p.Literal) <= 0;
            case Operation.GreaterThan:
                return upper is null || Literals.Compare(upper, p.Literal) > 0;
            case Operation.GreaterThanOrEqual:
                return upper is null || Literals.Compare(upper, p.Literal) >= 0;
            case Operation.Equal:
                return (lower is null || Literals.Compare(lower, p.Literal) <= 0) && (upper is null || Literals.Compare(upper, p.Literal) >= 0);
            case Operation.In:
                {
                    if (p.Literals.Count > InLimit)
                    {
                        return true;
                    }

                    foreach (var v in p.Literals)
                    {
                        if ((lower is null || Literals.Compare(lower, v) <= 0) && (upper is null || Literals.Compare(upper, v) >= 0))
                        {
                            return true;
                        }
                    }

                    return false;
                }

            case Operation.StartsWith:
                {
                    var prefix = Encoding.UTF8.GetBytes((string)p.Literal);
                    if (m.LowerBounds.TryGetValue(id, out var lo))
                    {
                        // Values below the prefix range: the lower bound's first bytes already exceed the prefix.
                        var n = Math.Min(lo.Length, prefix.Length);
                        if (lo.AsSpan(0, n).SequenceCompareTo(prefix.AsSpan(0, n)) > 0)
                        {
                            return false;
                        }
                    }

                    if (m.UpperBounds.TryGetValue(id, out var hi))
                    {
                        var n = Math.Min(hi.Length, prefix.Length);
                        if (hi.AsSpan(0, n).SequenceCompareTo(prefix.AsSpan(0, n)) < 0)
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return true;
        }
    }

    private static object? Bound(IReadOnlyDictionary<int, byte[]> bounds, int id, PrimitiveType type)
    {
        if (!bounds.TryGetValue(id, out var bytes))
        {
            return null;
        }

        try
        {
            var value = SingleValueBinary.FromBytes(bytes, type);
            return value is double d && double.IsNaN(d) || value is float f && float.IsNaN(f) ? null : value;
        }
        catch (IcebergException)
        {
            return null;
        }
    }

    private static bool ContainsNullsOnly(FileMetrics m, int id) =>
        m.ValueCounts.TryGetValue(id, out var values) && m.NullValueCounts.TryGetValue(id, out var nulls) && values == nulls;

    private static bool ContainsNaNsOnly(FileMetrics m, int id) =>
        m.ValueCounts.TryGetValue(id, out var values) && m.NanValueCounts.TryGetValue(id, out var nans) && values == nans;

    private bool IsInRepeated(int id)
    {
        var parent = _schema.ParentId(id);
        while (parent is { } p)
        {
            if (_schema.FindField(p)?.Type is ListType or MapType)
            {
                return true;
            }

            parent = _schema.ParentId(p);
        }

        return false;
    }
}
