namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>EXTRACT(field FROM value).</summary>
public sealed record ExtractExpression(SourcePosition Position, Identifier Field, Expression Value) : Expression(Position);
