namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A scalar subquery (SELECT …) used as a value.</summary>
public sealed record SubqueryExpression(SourcePosition Position, Query Query) : Expression(Position);
