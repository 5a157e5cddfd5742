namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>DROP SCHEMA [IF EXISTS] name [CASCADE|RESTRICT].</summary>
public sealed record DropSchema(SourcePosition Position, QualifiedName Name, bool IfExists, bool Cascade) : Statement(Position);
