using Lakehouse.Sql.Execution.Operators;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution;

/// <summary>Turns an optimized logical plan into physical operators (one per logical node).</summary>
public static class PhysicalPlanner
{
    public static PhysicalOperator Create(LogicalOperator node) => node switch
    {
        LogicalGet get => new TableScanOperator(get),
        LogicalValues values => new ValuesOperator(values),
        LogicalFilter filter => new FilterOperator(filter, Create(filter.Input)),
        LogicalProject project => new ProjectOperator(project, Create(project.Input)),
        LogicalAggregate aggregate => new HashAggregateOperator(aggregate, Create(aggregate.Input)),
        LogicalDistinct distinct => new HashAggregateOperator(
            new LogicalAggregate(distinct.Input, distinct.Input.Columns.Select((c, i) => (Binding.Expressions.BoundExpression)new Binding.Expressions.BoundColumn(i, c.Type, c.Name)).ToArray(), distinct.Input.Columns.Select(c => c.Name).ToArray(), []),
            Create(distinct.Input)),
        LogicalJoin join => new HashJoinOperator(join, Create(join.Left), Create(join.Right)),
        LogicalSort sort => new SortOperator(sort, Create(sort.Input)),
        LogicalLimit limit => new LimitOperator(limit, Create(limit.Input)),
        LogicalSetOperation set => new SetOperationOperator(set, Create(set.Left), Create(set.Right)),
        LogicalSingleRow single => new SingleRowOperator(single, Create(single.Input)),
        LogicalUnnest unnest => new UnnestOperator(unnest, Create(unnest.Input)),
        LogicalWindow window => new WindowOperator(window, Create(window.Input)),
        LogicalTopNRanking topN => new TopNRankingOperator(topN, Create(topN.Input)),
        _ => throw new SqlException(SqlErrorKind.NotImplemented, $"no physical operator for {node.GetType().Name}"),
    };
}
