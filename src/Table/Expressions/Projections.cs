using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Expressions;

/// <summary>
/// Projects row filters onto a partition spec. <see cref="Inclusive"/> gives a partition filter that keeps
/// every partition that may hold a matching row (used to prune files); <see cref="Strict"/> gives one that
/// keeps only partitions whose rows all match (used to drop residual filters and for metadata-only deletes).
/// The results are unbound predicates on partition field names; bind them to
/// <see cref="PartitionSpec.PartitionType"/> (or use <see cref="Evaluator"/>).
/// </summary>
public static class Projections
{
    public static Expression Inclusive(PartitionSpec spec, Schema schema, Expression filter, bool caseSensitive = true) =>
        Project(spec, Binder.Bind(schema, filter, caseSensitive), inclusive: true);

    public static Expression Strict(PartitionSpec spec, Schema schema, Expression filter, bool caseSensitive = true) =>
        Project(spec, Binder.Bind(schema, filter, caseSensitive), inclusive: false);

    private static Expression Project(PartitionSpec spec, Expression bound, bool inclusive) => bound switch
    {
        And a => Expressions.And(Project(spec, a.Left, inclusive), Project(spec, a.Right, inclusive)),
        Or o => Expressions.Or(Project(spec, o.Left, inclusive), Project(spec, o.Right, inclusive)),
        BoundPredicate p => ProjectPredicate(spec, p, inclusive),
        _ => bound,
    };

    private static Expression ProjectPredicate(PartitionSpec spec, BoundPredicate p, bool inclusive)
    {
        // Inclusive: every partition field on the column may restrict (AND); strict: any one suffices (OR).
        var result = inclusive ? Expressions.AlwaysTrue : Expressions.AlwaysFalse;
        foreach (var field in spec.Fields)
        {
            if (field.SourceIds.Count != 1 || field.SourceId != p.FieldId || !field.Transform.IsKnown)
            {
                continue;
            }

            var projected = inclusive
                ? TransformProjection.Inclusive(field.Transform, field.Name, p)
                : TransformProjection.Strict(field.Transform, field.Name, p);
            if (projected is not null)
            {
                result = inclusive ? Expressions.And(result, projected) : Expressions.Or(result, projected);
            }
        }

        return result;
    }
}
