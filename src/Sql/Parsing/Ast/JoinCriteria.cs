namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>How the two sides of a join are matched.</summary>
public abstract record JoinCriteria(SourcePosition Position) : Node(Position);
