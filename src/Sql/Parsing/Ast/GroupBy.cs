namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>GROUP BY [DISTINCT|ALL] element, ….</summary>
public sealed record GroupBy(SourcePosition Position, bool Distinct, SyntaxList<GroupingElement> Elements) : Node(Position);
