using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>Keeps rows where the predicate is true (not false, not null).</summary>
public sealed record LogicalFilter(LogicalOperator Input, BoundExpression Predicate) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"Filter {Predicate}";
}
