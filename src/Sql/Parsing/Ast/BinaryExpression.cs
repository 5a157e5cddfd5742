namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Arithmetic, concatenation, comparison, IS [NOT] DISTINCT FROM, AND, OR. Position is the operator's.</summary>
public sealed record BinaryExpression(SourcePosition Position, BinaryOperator Operator, Expression Left, Expression Right) : Expression(Position);
