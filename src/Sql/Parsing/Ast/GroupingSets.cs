namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>GROUPING SETS ((a, b), (a), ()); also a bare () in GROUP BY.</summary>
public sealed record GroupingSets(SourcePosition Position, SyntaxList<SyntaxList<Expression>> Sets) : GroupingElement(Position);
