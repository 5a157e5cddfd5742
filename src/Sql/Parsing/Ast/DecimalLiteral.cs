namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An exact numeric literal such as 1.50 (decimal(3,2)), or an integer too large for bigint; the text as written, sign folded in.</summary>
public sealed record DecimalLiteral(SourcePosition Position, string Value) : Literal(Position);
