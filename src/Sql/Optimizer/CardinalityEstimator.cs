using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer;

/// <summary>
/// Rough output row counts for join planning: source row counts from metadata (Parquet footers, Iceberg snapshot
/// summaries) scaled by textbook selectivities (equality 0.1, inequality 0.9, range 1/3, LIKE 0.25, IS NULL 0.1,
/// anything else 0.5 per conjunct); an equi-join yields its larger input (foreign key to key), an aggregate a
/// tenth of its input. Unknown sources count as <see cref="UnknownRows"/>.
/// </summary>
public static class CardinalityEstimator
{
    public const double UnknownRows = 1_000_000;

    public static double Estimate(LogicalOperator node) => node switch
    {
        LogicalGet get => Math.Min(get.Limit ?? double.MaxValue, (get.Source.EstimatedRowCount ?? UnknownRows) * Selectivity(get.Filter)),
        LogicalFilter filter => Estimate(filter.Input) * Selectivity(filter.Predicate),
        LogicalValues values => values.Rows.Count,
        LogicalLimit limit => Math.Min(limit.Limit is { } n ? n : double.MaxValue, Estimate(limit.Input)),
        LogicalAggregate aggregate => aggregate.Groups.Count == 0 && aggregate.GroupingSets is null ? 1 : Math.Max(1, Estimate(aggregate.Input) / 10),
        LogicalTopNRanking topN => Math.Min(Estimate(topN.Input), topN.Limit * 100.0),
        LogicalUnnest unnest => Estimate(unnest.Input) * 2,
        LogicalJoin join => join.Type switch
        {
            LogicalJoinType.Semi or LogicalJoinType.Anti or LogicalJoinType.Mark => Estimate(join.Left),
            LogicalJoinType.Cross => Estimate(join.Left) * Estimate(join.Right),
            _ when join.LeftKeys.Count == 0 => Estimate(join.Left) * Estimate(join.Right) * 0.5,
            _ => Math.Max(Estimate(join.Left), Estimate(join.Right)),
        },
        LogicalSetOperation set => Estimate(set.Left) + Estimate(set.Right),
        _ when node.Children.Count == 1 => Estimate(node.Children[0]),
        _ => UnknownRows,
    };

    public static double Selectivity(BoundExpression? predicate)
    {
        if (predicate is null)
        {
            return 1;
        }

        var selectivity = 1.0;
        foreach (var conjunct in Binder.Conjuncts(predicate))
        {
            selectivity *= conjunct switch
            {
                BoundOperator { Kind: BoundOperatorKind.Equal or BoundOperatorKind.IsNotDistinctFrom } => 0.1,
                BoundOperator { Kind: BoundOperatorKind.NotEqual or BoundOperatorKind.IsDistinctFrom or BoundOperatorKind.IsNotNull } => 0.9,
                BoundOperator { Kind: BoundOperatorKind.LessThan or BoundOperatorKind.LessThanOrEqual or BoundOperatorKind.GreaterThan or BoundOperatorKind.GreaterThanOrEqual } => 1.0 / 3,
                BoundOperator { Kind: BoundOperatorKind.IsNull } => 0.1,
                BoundLike => 0.25,
                BoundInList list => Math.Min(1, 0.1 * list.List.Count),
                _ => 0.5,
            };
        }

        return selectivity;
    }
}
