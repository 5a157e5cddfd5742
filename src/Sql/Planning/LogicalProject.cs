using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>Computes one output column per expression.</summary>
public sealed record LogicalProject(LogicalOperator Input, IReadOnlyList<BoundExpression> Expressions, IReadOnlyList<string> Names) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Expressions.Select((e, i) => new PlanColumn(Names[i], e.Type)).ToArray();

    public override IReadOnlyList<LogicalOperator> Children => [Input];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Input = children[0] };

    public override string Describe() => $"Project {string.Join(", ", Expressions.Select((e, i) => e is BoundColumn c && c.Name == Names[i] ? e.ToString() : $"{e} AS {Names[i]}"))}";
}
