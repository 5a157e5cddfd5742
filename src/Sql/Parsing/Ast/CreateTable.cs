namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name (column, …) [COMMENT '…'] [WITH (partitioning = ARRAY[…], …)].</summary>
public sealed record CreateTable(SourcePosition Position, QualifiedName Name, SyntaxList<ColumnDefinition> Columns, bool IfNotExists, bool OrReplace, string? Comment, SyntaxList<Property> Properties) : Statement(Position);
