namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>NULL.</summary>
public sealed record NullLiteral(SourcePosition Position) : Literal(Position);
