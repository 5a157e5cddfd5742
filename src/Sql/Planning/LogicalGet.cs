using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// A scan of a source, reading <see cref="Projection"/> (source column indices) in that order. The optimizer
/// pushes a filter (over the projected columns; applied exactly by the scan) and a row limit into it.
/// </summary>
public sealed record LogicalGet(ScanSource Source, IReadOnlyList<int> Projection, BoundExpression? Filter = null, long? Limit = null) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Projection.Select(i => Source.Columns[i]).ToArray();

    public override IReadOnlyList<LogicalOperator> Children => [];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this;

    public override string Describe() =>
        $"Scan {Source.Describe()} columns=[{string.Join(", ", Projection.Select(i => Source.Columns[i].Name))}]"
        + (Filter is null ? string.Empty : $" filter={Filter}") + (Limit is null ? string.Empty : $" limit={Limit}");
}
