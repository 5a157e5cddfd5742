namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>(query) in FROM, including (VALUES …).</summary>
public sealed record SubqueryRelation(SourcePosition Position, Query Query) : Relation(Position);
