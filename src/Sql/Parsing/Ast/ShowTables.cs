namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SHOW TABLES [FROM|IN schema] [LIKE pattern].</summary>
public sealed record ShowTables(SourcePosition Position, QualifiedName? Schema, string? Pattern) : Statement(Position);
