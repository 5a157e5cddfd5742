namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE [IF EXISTS] t RENAME TO u.</summary>
public sealed record RenameTable(SourcePosition Position, QualifiedName Name, QualifiedName NewName, bool IfExists) : Statement(Position);
