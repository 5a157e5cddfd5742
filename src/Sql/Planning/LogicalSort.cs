namespace Lakehouse.Sql.Planning;

/// <summary>Sorts the input; with <see cref="Limit"/> it is a top-N (keeps only the first Limit rows).</summary>
public sealed record LogicalSort(LogicalOperator Input, IReadOnlyList<SortKey> Keys, long? Limit = null) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"{(Limit is null ? "Sort" : $"TopN {Limit}")} [{string.Join(", ", Keys)}]";
}
