namespace Lakehouse.Sql.Planning;

/// <summary>Removes duplicate rows (SELECT DISTINCT, UNION).</summary>
public sealed record LogicalDistinct(LogicalOperator Input) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => "Distinct";
}
