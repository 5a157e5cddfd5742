namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SHOW CREATE TABLE table.</summary>
public sealed record ShowCreateTable(SourcePosition Position, QualifiedName Table) : Statement(Position);
