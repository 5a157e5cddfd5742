using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Planning;

/// <summary>UNION / INTERSECT / EXCEPT [ALL]; both inputs have the same column types.</summary>
public sealed record LogicalSetOperation(SetOperator Operator, bool All, LogicalOperator Left, LogicalOperator Right) : LogicalOperator
{
    public override IReadOnlyList<PlanColumn> Columns => Left.Columns;

    public override IReadOnlyList<LogicalOperator> Children => [Left, Right];

    public override LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children) => this with { Left = children[0], Right = children[1] };

    public override string Describe() => $"{Operator}{(All ? " ALL" : string.Empty)}";
}
