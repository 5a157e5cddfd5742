using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// The part of a row filter that still has to be evaluated on the rows of a file, given the file's partition
/// tuple: each predicate whose strict projection holds for the partition becomes true, each whose inclusive
/// projection fails becomes false, the rest remain. E.g. with <c>day(ts)</c> partitioning, <c>ts &gt;= '2024-01-02'</c>
/// has residual true in partition 2024-01-03 and stays as is in 2024-01-01 (which inclusive pruning would skip).
/// </summary>
public sealed class ResidualEvaluator
{
    private readonly PartitionSpec _spec;
    private readonly Schema _schema;
    private readonly StructType _partitionType;
    private readonly Expression _bound;
    private readonly Dictionary<BoundPredicate, (Evaluator Strict, Evaluator Inclusive)> _evaluators = new(ReferenceEqualityComparer.Instance);

    public ResidualEvaluator(PartitionSpec spec, Schema schema, Expression filter, bool caseSensitive = true)
    {
        _spec = spec;
        _schema = schema;
        _partitionType = spec.PartitionType(schema);
        _bound = Binder.Bind(schema, filter, caseSensitive);
        Prepare(_bound);
    }

    /// <summary>The residual (bound to the table schema) for a file whose partition tuple is <paramref name="partition"/>.</summary>
    public Expression ResidualFor(IReadOnlyList<object?> partition) => Residual(_bound, partition);

    private Expression Residual(Expression e, IReadOnlyList<object?> partition) => e switch
    {
        And a => Expressions.And(Residual(a.Left, partition), Residual(a.Right, partition)),
        Or o => Expressions.Or(Residual(o.Left, partition), Residual(o.Right, partition)),
        BoundPredicate p => _evaluators[p] is var (strict, inclusive) && strict.Eval(partition) ? Expressions.AlwaysTrue
            : !inclusive.Eval(partition) ? Expressions.AlwaysFalse : p,
        _ => e,
    };

    private void Prepare(Expression e)
    {
        switch (e)
        {
            case And a:
                Prepare(a.Left);
                Prepare(a.Right);
                break;
            case Or o:
                Prepare(o.Left);
                Prepare(o.Right);
                break;
            case BoundPredicate p:
                var strict = Projections.Strict(_spec, _schema, Unbind(p));
                var inclusive = Projections.Inclusive(_spec, _schema, Unbind(p));
                _evaluators[p] = (new Evaluator(_partitionType, strict), new Evaluator(_partitionType, inclusive));
                break;
            default:
                break;
        }
    }

    private static UnboundPredicate Unbind(BoundPredicate p) => new(p.Op, p.Reference.Name, p.Literals);
}
