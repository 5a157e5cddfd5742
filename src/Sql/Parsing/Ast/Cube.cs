namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CUBE (a, b, …).</summary>
public sealed record Cube(SourcePosition Position, SyntaxList<Expression> Expressions) : GroupingElement(Position);
