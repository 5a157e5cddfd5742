namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A varbinary literal X'…'; Hex is upper case with an even number of digits.</summary>
public sealed record BinaryLiteral(SourcePosition Position, string Hex) : Literal(Position);
