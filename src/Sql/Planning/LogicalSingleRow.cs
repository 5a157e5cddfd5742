namespace Lakehouse.Sql.Planning;

/// <summary>Scalar subquery guard: zero rows become one null row; more than one row is an error.</summary>
public sealed record LogicalSingleRow(LogicalOperator Input) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => "EnforceSingleRow";
}
