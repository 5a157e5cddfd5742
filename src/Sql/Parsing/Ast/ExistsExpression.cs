namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>EXISTS (subquery).</summary>
public sealed record ExistsExpression(SourcePosition Position, Query Subquery) : Expression(Position);
