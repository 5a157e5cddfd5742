namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value [NOT] IN (subquery).</summary>
public sealed record InSubqueryExpression(SourcePosition Position, Expression Value, Query Subquery, bool Negated) : Expression(Position);
