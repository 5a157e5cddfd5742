using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Planning;

/// <summary>One aggregate call: function, argument expressions over the aggregate's input, DISTINCT, FILTER.</summary>
public sealed record BoundAggregate(BoundAggregateFunction Function, IReadOnlyList<BoundExpression> Arguments, bool Distinct, BoundExpression? Filter)
{
    public override string ToString() =>
        $"{Function.Name}({(Distinct ? "DISTINCT " : string.Empty)}{(Arguments.Count == 0 ? "*" : string.Join(", ", Arguments))})" + (Filter is null ? string.Empty : $" FILTER (WHERE {Filter})");
}
