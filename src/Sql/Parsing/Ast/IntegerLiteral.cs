namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An integer literal that fits in a bigint (a leading minus is folded in).</summary>
public sealed record IntegerLiteral(SourcePosition Position, long Value) : Literal(Position);
