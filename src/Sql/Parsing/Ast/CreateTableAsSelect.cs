namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(columns)] [COMMENT '…'] [WITH (…)] AS query [WITH [NO] DATA].</summary>
public sealed record CreateTableAsSelect(SourcePosition Position, QualifiedName Name, SyntaxList<Identifier> ColumnNames, Query Query, bool IfNotExists, bool OrReplace, string? Comment, SyntaxList<Property> Properties, bool WithData) : Statement(Position);
