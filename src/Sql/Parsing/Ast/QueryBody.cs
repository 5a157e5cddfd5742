namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>The body of a query: a SELECT, a set operation, VALUES, TABLE t or a parenthesized query.</summary>
public abstract record QueryBody(SourcePosition Position) : Node(Position);
