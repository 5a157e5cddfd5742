using Lakehouse.Table.Types;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Evaluates an expression on rows of a struct given as values by position (e.g. a partition tuple against
/// <see cref="Metadata.PartitionSpec.PartitionType"/>). Binding happens once in the constructor.
/// </summary>
public sealed class Evaluator
{
    private readonly Expression _bound;
    private readonly Dictionary<int, int> _positionById = [];

    public Evaluator(StructType type, Expression expression, bool caseSensitive = true)
    {
        _bound = Binder.Bind(type, expression, caseSensitive);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            _positionById[type.Fields[i].Id] = i;
        }
    }

    public Expression BoundExpression => _bound;

    public bool Eval(IReadOnlyList<object?> row) => Eval(_bound, row);

    private bool Eval(Expression e, IReadOnlyList<object?> row) => e switch
    {
        AlwaysTrue => true,
        AlwaysFalse => false,
        And a => Eval(a.Left, row) && Eval(a.Right, row),
        Or o => Eval(o.Left, row) || Eval(o.Right, row),
        BoundPredicate p => p.Test(row[_positionById[p.FieldId]]),
        _ => throw IcebergException.Invalid($"cannot evaluate {e}"),
    };
}
