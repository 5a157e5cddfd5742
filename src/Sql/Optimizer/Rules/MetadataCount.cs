using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// <c>SELECT count(*) FROM t</c> (no WHERE, no GROUP BY) over a source whose row count is exact in its metadata
/// (Iceberg manifests without delete files) becomes one literal row; EXPLAIN shows
/// <c>Values rows=1 (count(*) from metadata: …)</c>.
/// </summary>
public static class MetadataCount
{
    public static LogicalOperator Apply(LogicalOperator node)
    {
        var children = node.Children.Select(Apply).ToArray();
        node = children.Length == 0 ? node : node.WithChildren(children);
        if (node is not LogicalAggregate { Groups.Count: 0, GroupingSets: null, Aggregates.Count: > 0 } aggregate
            || !aggregate.Aggregates.All(a => a.Arguments.Count == 0 && !a.Distinct && a.Filter is null && a.Function.Name.Equals("count", StringComparison.OrdinalIgnoreCase)))
        {
            return node;
        }

        var input = aggregate.Input;
        while (input is LogicalProject project)
        {
            input = project.Input;
        }

        if (input is not LogicalGet { Filter: null, Limit: null } get || get.Source.ExactRowCount is not { } rows)
        {
            return node;
        }

        var row = aggregate.Aggregates.Select(a => (BoundExpression)new BoundConstant(a.Function.ReturnType, rows)).ToArray();
        return new LogicalValues(aggregate.Columns, [row]) { Origin = $"count(*) from metadata: {get.Source.Describe()}" };
    }
}
