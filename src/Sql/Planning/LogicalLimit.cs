namespace Lakehouse.Sql.Planning;

/// <summary>Skips <see cref="Offset"/> rows then passes at most <see cref="Limit"/> (null = all).</summary>
public sealed record LogicalLimit(LogicalOperator Input, long? Limit, long Offset) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"Limit {(Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ALL")}{(Offset > 0 ? $" offset {Offset}" : string.Empty)}";
}
