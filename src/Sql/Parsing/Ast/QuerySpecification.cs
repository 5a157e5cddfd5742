namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SELECT [DISTINCT] … [FROM …] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]. Comma-separated FROM items are folded into implicit joins.</summary>
public sealed record QuerySpecification(SourcePosition Position, bool Distinct, SyntaxList<SelectItem> Select, Relation? From, Expression? Where, GroupBy? GroupBy, Expression? Having, SyntaxList<WindowDefinition> Windows) : QueryBody(Position);
