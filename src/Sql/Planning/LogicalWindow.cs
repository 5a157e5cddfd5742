namespace Lakehouse.Sql.Planning;

/// <summary>Adds one column per window function to the input columns.</summary>
public sealed record LogicalWindow(LogicalOperator Input, IReadOnlyList<WindowFunctionCall> Functions) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => [.. Input.Columns, .. Functions.Select((f, i) => new PlanColumn($"$window{i}", f.Type))];

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"Window [{string.Join("; ", Functions)}]";
}
