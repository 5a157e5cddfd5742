namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>NATURAL join: match all columns with equal names.</summary>
public sealed record NaturalJoin(SourcePosition Position) : JoinCriteria(Position);
