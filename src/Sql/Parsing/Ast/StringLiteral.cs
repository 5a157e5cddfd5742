namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A character string literal ('…' or U&amp;'…'), already unescaped.</summary>
public sealed record StringLiteral(SourcePosition Position, string Value) : Literal(Position);
