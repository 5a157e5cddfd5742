namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>USE [catalog.]schema.</summary>
public sealed record Use(SourcePosition Position, Identifier? Catalog, Identifier Schema) : Statement(Position);
