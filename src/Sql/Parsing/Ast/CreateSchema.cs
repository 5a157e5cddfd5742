namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CREATE SCHEMA [IF NOT EXISTS] name [WITH (…)].</summary>
public sealed record CreateSchema(SourcePosition Position, QualifiedName Name, bool IfNotExists, SyntaxList<Property> Properties) : Statement(Position);
