namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>LATERAL (query).</summary>
public sealed record LateralRelation(SourcePosition Position, Query Query) : Relation(Position);
