namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value IS [NOT] NULL.</summary>
public sealed record IsNullExpression(SourcePosition Position, Expression Value, bool Negated) : Expression(Position);
