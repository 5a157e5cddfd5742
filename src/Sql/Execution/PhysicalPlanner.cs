using Lakehouse.Sql.Execution.Operators;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution;

/// <summary>
/// Turns an optimized logical plan into physical operators (one per logical node) and marks the parallel
/// pipelines: a chain of streaming operators (filter, project, UNNEST, the probe side of hash joins whose output
/// rows each depend on one probe row) over a scan that splits into morsels runs as several workers. The operator
/// that consumes such a pipeline decides how: a mergeable hash aggregate aggregates per worker and merges; anything
/// else (sort, window, join build, the query result…) reads it through a <see cref="GatherOperator"/>. Whether
/// workers are actually started is decided at execution by the query's degree of parallelism and morsel count.
/// </summary>
public static class PhysicalPlanner
{
    public static PhysicalOperator Create(LogicalOperator node) => Gather(Build(node));

    private static PhysicalOperator Build(LogicalOperator node)
    {
        switch (node)
        {
            case LogicalGet get:
                return new TableScanOperator(get);
            case LogicalValues values:
                return new ValuesOperator(values);
            case LogicalFilter filter:
                return new FilterOperator(filter, Build(filter.Input));
            case LogicalProject project:
                return new ProjectOperator(project, Build(project.Input));
            case LogicalUnnest unnest:
                return new UnnestOperator(unnest, Build(unnest.Input));
            case LogicalAggregate aggregate:
                return Aggregate(aggregate, aggregate.Input);
            case LogicalDistinct distinct:
                return Aggregate(
                    new LogicalAggregate(distinct.Input, distinct.Input.Columns.Select((c, i) => (Binding.Expressions.BoundExpression)new Binding.Expressions.BoundColumn(i, c.Type, c.Name)).ToArray(), distinct.Input.Columns.Select(c => c.Name).ToArray(), []),
                    distinct.Input);
            case LogicalJoin join:
                return new HashJoinOperator(join, Build(join.Left), Gather(Build(join.Right)));
            case LogicalSort sort:
                return new SortOperator(sort, Gather(Build(sort.Input)));
            case LogicalLimit limit:
                return new LimitOperator(limit, Gather(Build(limit.Input)));
            case LogicalSetOperation set:
                return new SetOperationOperator(set, Gather(Build(set.Left)), Gather(Build(set.Right)));
            case LogicalSingleRow single:
                return new SingleRowOperator(single, Gather(Build(single.Input)));
            case LogicalWindow window:
                return new WindowOperator(window, Gather(Build(window.Input)));
            case LogicalTopNRanking topN:
                return new TopNRankingOperator(topN, Gather(Build(topN.Input)));
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"no physical operator for {node.GetType().Name}");
        }
    }

    private static HashAggregateOperator Aggregate(LogicalAggregate aggregate, LogicalOperator inputNode)
    {
        var input = Build(inputNode);
        return HashAggregation.IsMergeable(aggregate)
            ? new HashAggregateOperator(aggregate, input, DrivingScan(input))
            : new HashAggregateOperator(aggregate, Gather(input));
    }

    /// <summary>Wraps a parallel pipeline in a gather; anything else is returned as it is.</summary>
    private static PhysicalOperator Gather(PhysicalOperator op) => DrivingScan(op) is { } scan ? new GatherOperator(op, scan) : op;

    /// <summary>The scan at the bottom of <paramref name="op"/>'s pipeline when the pipeline can run in parallel, else null.</summary>
    internal static TableScanOperator? DrivingScan(PhysicalOperator op) => op switch
    {
        TableScanOperator scan => scan.CanDriveParallelPipeline ? scan : null,
        FilterOperator or ProjectOperator or UnnestOperator => DrivingScan(op.Children[0]),
        HashJoinOperator join => join.CanProbeInParallel ? DrivingScan(join.ProbeInput) : null,
        _ => null,
    };
}
