namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An approximate numeric literal with an exponent, such as 1e3 (double).</summary>
public sealed record DoubleLiteral(SourcePosition Position, double Value) : Literal(Position);
