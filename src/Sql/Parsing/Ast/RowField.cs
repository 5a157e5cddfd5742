namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>One field of a row type.</summary>
public sealed record RowField(SourcePosition Position, Identifier? Name, DataType Type) : Node(Position);
