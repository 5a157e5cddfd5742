namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value [NOT] IN (v1, v2, …).</summary>
public sealed record InListExpression(SourcePosition Position, Expression Value, SyntaxList<Expression> Values, bool Negated) : Expression(Position);
