namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE [IF EXISTS] t RENAME COLUMN [IF EXISTS] a TO b.</summary>
public sealed record RenameColumn(SourcePosition Position, QualifiedName Table, QualifiedName Column, Identifier NewName, bool TableIfExists, bool ColumnIfExists) : Statement(Position);
