namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SHOW CATALOGS [LIKE pattern].</summary>
public sealed record ShowCatalogs(SourcePosition Position, string? Pattern) : Statement(Position);
