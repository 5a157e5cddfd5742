namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SHOW COLUMNS FROM|IN table [LIKE pattern]; DESCRIBE table is the same statement.</summary>
public sealed record ShowColumns(SourcePosition Position, QualifiedName Table, string? Pattern) : Statement(Position);
