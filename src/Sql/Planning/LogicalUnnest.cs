using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// For each input row, one output row per array element (arrays zipped, shorter ones padded with null):
/// the input columns, then one column per array (maps give key and value; arrays of rows give their fields),
/// then the ordinality when asked. <see cref="Passthrough"/> (set by projection pushdown) names the input columns
/// that are repeated into the output; null repeats all of them.
/// </summary>
public sealed record LogicalUnnest(LogicalOperator Input, IReadOnlyList<BoundExpression> Arrays, IReadOnlyList<PlanColumn> UnnestColumns, bool WithOrdinality, bool KeepEmpty = false, IReadOnlyList<int>? Passthrough = null) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns =>
    [
        .. Passthrough is null ? Input.Columns : Passthrough.Select(i => Input.Columns[i]),
        .. UnnestColumns,
        .. WithOrdinality ? new[] { new PlanColumn("ordinality", SqlType.BigInt) } : [],
    ];

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"Unnest [{string.Join(", ", Arrays)}]{(WithOrdinality ? " WITH ORDINALITY" : string.Empty)}";
}
