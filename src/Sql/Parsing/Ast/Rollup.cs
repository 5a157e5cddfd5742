namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ROLLUP (a, b, …).</summary>
public sealed record Rollup(SourcePosition Position, SyntaxList<Expression> Expressions) : GroupingElement(Position);
