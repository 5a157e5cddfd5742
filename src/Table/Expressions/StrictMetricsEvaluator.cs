using System.Text;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Decides from a file's column metrics whether every row of the file certainly matches a filter (true) or
/// might not (false): used to drop whole files for a delete by filter and to skip residual filtering.
/// Missing metrics, columns inside lists or maps and truncated bounds only ever make it answer false. Row
/// semantics are those of <see cref="BoundPredicate.Test"/> (nulls never compare; NaN is the greatest value).
/// </summary>
public sealed class StrictMetricsEvaluator
{
    private readonly Schema _schema;
    private readonly Expression _bound;

    public StrictMetricsEvaluator(Schema schema, Expression filter, bool caseSensitive = true)
    {
        _schema = schema;
        _bound = Binder.Bind(schema, filter, caseSensitive);
    }

    public bool AllRowsMatch(FileMetrics metrics) => metrics.RecordCount == 0 || Eval(_bound, metrics);

    private bool Eval(Expression e, FileMetrics m) => e switch
    {
        AlwaysTrue => true,
        AlwaysFalse => false,
        And a => Eval(a.Left, m) && Eval(a.Right, m),
        Or o => Eval(o.Left, m) || Eval(o.Right, m),
        BoundPredicate p => Predicate(p, m),
        _ => false,
    };

    private bool Predicate(BoundPredicate p, FileMetrics m)
    {
        var id = p.FieldId;
        if (IsInRepeated(id))
        {
            return false;
        }

        var type = p.Reference.Type;
        var isFloat = type.TypeId is TypeId.Float or TypeId.Double;
        var known = m.ValueCounts.TryGetValue(id, out var values);
        var noNulls = m.NullValueCounts.TryGetValue(id, out var nulls) && nulls == 0;
        var noNaN = !isFloat || (m.NanValueCounts.TryGetValue(id, out var nans) && nans == 0);
        switch (p.Op)
        {
            case Operation.IsNull:
                return known && m.NullValueCounts.TryGetValue(id, out var n1) && n1 == values;
            case Operation.NotNull:
                return noNulls;
            case Operation.IsNaN:
                return isFloat && known && m.NanValueCounts.TryGetValue(id, out var n2) && n2 == values;
            case Operation.NotNaN:
                return !isFloat || (m.NanValueCounts.TryGetValue(id, out var n3) && n3 == 0);
            default:
                break;
        }

        // Every remaining operation is false for a null row.
        if (!noNulls)
        {
            return false;
        }

        if (p.Op is Operation.StartsWith or Operation.NotStartsWith)
        {
            var prefix = Encoding.UTF8.GetBytes((string)p.Literal);
            var hasLower = m.LowerBounds.TryGetValue(id, out var lo);
            var hasUpper = m.UpperBounds.TryGetValue(id, out var hi);
            if (p.Op == Operation.StartsWith)
            {
                return hasLower && hasUpper && lo!.AsSpan().StartsWith(prefix) && hi!.AsSpan().StartsWith(prefix);
            }

            return (hasUpper && hi!.AsSpan().SequenceCompareTo(prefix) < 0)
                || (hasLower && !lo!.AsSpan().StartsWith(prefix) && lo.AsSpan().SequenceCompareTo(prefix) > 0);
        }

        var lower = Bound(m.LowerBounds, id, type);
        var upper = Bound(m.UpperBounds, id, type);

        // NaN sorts above everything: it satisfies > / >= / != but not < / <= / == / in.
        switch (p.Op)
        {
            case Operation.LessThan:
                return noNaN && upper is not null && Literals.Compare(upper, p.Literal) < 0;
            case Operation.LessThanOrEqual:
                return noNaN && upper is not null && Literals.Compare(upper, p.Literal) <= 0;
            case Operation.GreaterThan:
                return lower is not null && Literals.Compare(lower, p.Literal) > 0;
            case Operation.GreaterThanOrEqual:
                return lower is not null && Literals.Compare(lower, p.Literal) >= 0;
            case Operation.Equal:
                return noNaN && lower is not null && upper is not null && Literals.Compare(lower, p.Literal) == 0 && Literals.Compare(upper, p.Literal) == 0;
            case Operation.In:
                return noNaN && lower is not null && upper is not null && Literals.Compare(lower, upper) == 0 && p.Literals.Any(v => Literals.Compare(lower, v) == 0);
            case Operation.NotEqual:
                return lower is not null && upper is not null && (Literals.Compare(lower, p.Literal) > 0 || (noNaN && Literals.Compare(upper, p.Literal) < 0));
            case Operation.NotIn:
                return lower is not null && upper is not null && p.Literals.All(v => Literals.Compare(lower, v) > 0 || (noNaN && Literals.Compare(upper, v) < 0));
            default:
                return false;
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

    private bool IsInRepeated(int id)
    {
        for (var parent = _schema.ParentId(id); parent is { } p; parent = _schema.ParentId(p))
        {
            if (_schema.FindField(p)?.Type is ListType or MapType)
            {
                return true;
            }
        }

        return false;
    }
}
