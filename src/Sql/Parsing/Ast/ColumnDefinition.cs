namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>name type [NOT NULL] [COMMENT '…'] [WITH (…)].</summary>
public sealed record ColumnDefinition(SourcePosition Position, Identifier Name, DataType Type, bool NotNull, string? Comment, SyntaxList<Property> Properties) : Node(Position);
