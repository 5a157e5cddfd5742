namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SHOW SCHEMAS [FROM|IN catalog] [LIKE pattern].</summary>
public sealed record ShowSchemas(SourcePosition Position, Identifier? Catalog, string? Pattern) : Statement(Position);
