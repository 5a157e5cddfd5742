namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>WHEN condition THEN result (condition is the compared value in a simple CASE).</summary>
public sealed record WhenClause(SourcePosition Position, Expression Condition, Expression Result) : Node(Position);
