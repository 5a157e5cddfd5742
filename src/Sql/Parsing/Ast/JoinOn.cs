namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ON condition.</summary>
public sealed record JoinOn(SourcePosition Position, Expression Condition) : JoinCriteria(Position);
