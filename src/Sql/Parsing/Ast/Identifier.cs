namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An identifier; unquoted ones are folded to lower case, quoted ones are kept exactly.</summary>
public sealed record Identifier(SourcePosition Position, string Value) : Node(Position);
