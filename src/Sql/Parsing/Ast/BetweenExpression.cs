namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value [NOT] BETWEEN low AND high.</summary>
public sealed record BetweenExpression(SourcePosition Position, Expression Value, Expression Low, Expression High, bool Negated) : Expression(Position);
