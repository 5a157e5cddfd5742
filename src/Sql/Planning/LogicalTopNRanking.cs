using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// A pre-filter below a ranking window (Trino's TopNRanking): passes on, per partition, only the rows whose
/// <see cref="Function"/> (row_number, rank or dense_rank) over <see cref="OrderBy"/> can still be at most
/// <see cref="Limit"/>. Every row it drops orders after all rows it keeps, so the window above computes the
/// same ranks for the kept rows; the filter above stays and makes the final cut.
/// </summary>
public sealed record LogicalTopNRanking(LogicalOperator Input, IReadOnlyList<BoundExpression> PartitionBy, IReadOnlyList<SortKey> OrderBy, string Function, long Limit) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Input.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() =>
        $"TopNRanking {Function} <= {Limit} PARTITION BY [{string.Join(", ", PartitionBy)}] ORDER BY [{string.Join(", ", OrderBy)}]";
}
