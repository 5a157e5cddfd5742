namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE [IF EXISTS] t DROP COLUMN [IF EXISTS] column (a dotted name drops a nested field).</summary>
public sealed record DropColumn(SourcePosition Position, QualifiedName Table, QualifiedName Column, bool TableIfExists, bool ColumnIfExists) : Statement(Position);
