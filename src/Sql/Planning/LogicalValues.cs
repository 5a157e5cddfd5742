using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>Literal rows (VALUES, and the single empty row of a SELECT without FROM).</summary>
public sealed record LogicalValues(IReadOnlyList<PlanColumn> Schema, IReadOnlyList<IReadOnlyList<BoundExpression>> Rows) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Schema;

    public override IReadOnlyList<LogicalOperator> Children => [];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this;

    public override string Describe() => $"Values rows={Rows.Count}";
}
