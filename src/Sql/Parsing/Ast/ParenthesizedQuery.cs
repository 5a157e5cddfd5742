namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A parenthesized query that carries its own WITH, ORDER BY, OFFSET or LIMIT, used inside a set operation.</summary>
public sealed record ParenthesizedQuery(SourcePosition Position, Query Query) : QueryBody(Position);
