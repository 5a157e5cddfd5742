namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>TRUE or FALSE.</summary>
public sealed record BooleanLiteral(SourcePosition Position, bool Value) : Literal(Position);
