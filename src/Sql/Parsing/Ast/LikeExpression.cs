namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value [NOT] LIKE|ILIKE pattern [ESCAPE escape].</summary>
public sealed record LikeExpression(SourcePosition Position, Expression Value, Expression Pattern, Expression? Escape, bool Negated, bool CaseInsensitive) : Expression(Position);
