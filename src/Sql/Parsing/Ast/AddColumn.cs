namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE [IF EXISTS] t ADD COLUMN [IF NOT EXISTS] column.</summary>
public sealed record AddColumn(SourcePosition Position, QualifiedName Table, ColumnDefinition Column, bool TableIfExists, bool ColumnIfNotExists) : Statement(Position);
