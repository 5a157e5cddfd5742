using System.Text;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Decides from a manifest's partition field summaries whether it might contain files matching a row
/// filter (projected inclusively onto the manifest's partition spec). Used to skip whole manifests.
/// </summary>
public sealed class ManifestEvaluator
{
    private readonly StructType _partitionType;
    private readonly Expression _bound;
    private readonly Dictionary<int, int> _positionById = [];

    public ManifestEvaluator(PartitionSpec spec, Schema schema, Expression filter, bool caseSensitive = true)
    {
        _partitionType = spec.PartitionType(schema);
        _bound = Binder.Bind(_partitionType, Projections.Inclusive(spec, schema, filter, caseSensitive));
        for (var i = 0; i < _partitionType.Fields.Count; i++)
        {
            _positionById[_partitionType.Fields[i].Id] = i;
        }
    }

    /// <summary>The inclusive partition filter, bound to the partition type.</summary>
    public Expression PartitionFilter => _bound;

    /// <summary><paramref name="summaries"/> are in partition spec field order; null (v1 manifests without summaries) means "might match".</summary>
    public bool MightMatch(IReadOnlyList<PartitionFieldSummary>? summaries) => summaries is null || Eval(_bound, summaries);

    private bool Eval(Expression e, IReadOnlyList<PartitionFieldSummary> s) => e switch
    {
        AlwaysTrue => true,
        AlwaysFalse => false,
        And a => Eval(a.Left, s) && Eval(a.Right, s),
        Or o => Eval(o.Left, s) || Eval(o.Right, s),
        BoundPredicate p => Predicate(p, s),
        _ => true,
    };

    private bool Predicate(BoundPredicate p, IReadOnlyList<PartitionFieldSummary> summaries)
    {
        if (!_positionById.TryGetValue(p.FieldId, out var position) || position >= summaries.Count)
        {
            return true;
        }

        var summary = summaries[position];
        var type = p.Reference.Type;
        var isFloat = type.TypeId is TypeId.Float or TypeId.Double;
        var mayHaveNaN = isFloat && summary.ContainsNaN != false;
        var allNull = summary.LowerBound is null && summary.ContainsNull && !mayHaveNaN;
        switch (p.Op)
        {
            case Operation.IsNull:
                return summary.ContainsNull;
            case Operation.NotNull:
                return !allNull;
            case Operation.IsNaN:
                return isFloat && summary.ContainsNaN != false;
            case Operation.NotNaN or Operation.NotEqual or Operation.NotIn:
                return true;
            case Operation.NotStartsWith:
                if (summary.ContainsNull || summary.LowerBound is null || summary.UpperBound is null)
                {
                    return true;
                }

                var notPrefix = Encoding.UTF8.GetBytes((string)p.Literal);
                return !(summary.LowerBound.AsSpan().StartsWith(notPrefix) && summary.UpperBound.AsSpan().StartsWith(notPrefix));
            default:
                break;
        }

        if (mayHaveNaN && p.Op is Operation.GreaterThan or Operation.GreaterThanOrEqual)
        {
            return true;
        }

        if (summary.LowerBound is null || summary.UpperBound is null)
        {
            // Writers bound every non-null, non-NaN value: with nulls or NaNs seen and no bounds, there are no
            // other values. Without that evidence the bounds may just be missing: might match.
            return !(summary.ContainsNull || summary.ContainsNaN == true);
        }

        if (p.Op == Operation.StartsWith)
        {
            var prefix = Encoding.UTF8.GetBytes((string)p.Literal);
            var lo = summary.LowerBound;
            var hi = summary.UpperBound;
            var n = Math.Min(lo.Length, prefix.Length);
            if (lo.AsSpan(0, n).SequenceCompareTo(prefix.AsSpan(0, n)) > 0)
            {
                return false;
            }

            n = Math.Min(hi.Length, prefix.Length);
            return hi.AsSpan(0, n).SequenceCompareTo(prefix.AsSpan(0, n)) >= 0;
        }

        object lower, upper;
        try
        {
            lower = SingleValueBinary.FromBytes(summary.LowerBound, type);
            upper = SingleValueBinary.FromBytes(summary.UpperBound, type);
        }
        catch (IcebergException)
        {
            return true;
        }

        return p.Op switch
        {
            Operation.LessThan => Literals.Compare(lower, p.Literal) < 0,
            Operation.LessThanOrEqual => Literals.Compare(lower, p.Literal) <= 0,
            Operation.GreaterThan => Literals.Compare(upper, p.Literal) > 0,
            Operation.GreaterThanOrEqual => Literals.Compare(upper, p.Literal) >= 0,
            Operation.Equal => Literals.Compare(lower, p.Literal) <= 0 && Literals.Compare(upper, p.Literal) >= 0,
            Operation.In => p.Literals.Any(v => Literals.Compare(lower, v) <= 0 && Literals.Compare(upper, v) >= 0),
            _ => true,
        };
    }
}
