namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE t SET PROPERTIES p = v, ….</summary>
public sealed record SetTableProperties(SourcePosition Position, QualifiedName Table, SyntaxList<Property> Properties) : Statement(Position);
