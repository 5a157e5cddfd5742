namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Prefix +, - or NOT.</summary>
public sealed record UnaryExpression(SourcePosition Position, UnaryOperator Operator, Expression Operand) : Expression(Position);
