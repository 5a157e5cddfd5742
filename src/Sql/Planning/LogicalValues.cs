using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>Literal rows (VALUES, and the single empty row of a SELECT without FROM).</summary>
public sealed record LogicalValues(IReadOnlyList<PlanColumn> Schema, IReadOnlyList<IReadOnlyList<BoundExpression>> Rows) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Schema;

    public override IReadOnlyList<LogicalOperator> Children => [];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this;

    /// <summary>Where the rows come from when the optimizer computed them (EXPLAIN shows it), e.g. a count(*) from metadata.</summary>
    public string? Origin { get; init; }

    public override string Describe() => $"Values rows={Rows.Count}" + (Origin is null ? string.Empty : $" ({Origin})");
}
