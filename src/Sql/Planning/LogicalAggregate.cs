using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// Hash aggregation. Output: one column per group expression, then one per aggregate, then (with grouping
/// sets) a bigint grouping id whose bit i (from the left, as Trino's grouping()) is set when group
/// expression i is not part of the row's set.
/// </summary>
public sealed record LogicalAggregate(LogicalOperator Input, IReadOnlyList<BoundExpression> Groups, IReadOnlyList<string> GroupNames, IReadOnlyList<BoundAggregate> Aggregates, IReadOnlyList<IReadOnlyList<int>>? GroupingSets = null) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns
    {
        get
        {
            var cols = Groups.Select((g, i) => new PlanColumn(GroupNames[i], g.Type)).Concat(Aggregates.Select((a, i) => new PlanColumn($"agg{i}", a.Function.ReturnType))).ToList();
            if (GroupingSets is not null)
            {
                cols.Add(new PlanColumn("$grouping_id", SqlType.BigInt));
            }

            return cols;
        }
    }

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() =>
        $"Aggregate groups=[{string.Join(", ", Groups)}] aggregates=[{string.Join(", ", Aggregates)}]"
        + (GroupingSets is null ? string.Empty : $" sets=[{string.Join(", ", GroupingSets.Select(s => "(" + string.Join(",", s) + ")"))}]");
}
