namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A dotted name such as catalog.schema.table.</summary>
public sealed record QualifiedName(SourcePosition Position, SyntaxList<Identifier> Parts) : Node(Position);
