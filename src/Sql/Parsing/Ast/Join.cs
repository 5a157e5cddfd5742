namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>left [INNER|LEFT|RIGHT|FULL|CROSS] JOIN right [ON …|USING (…)], or a comma join (Implicit).</summary>
public sealed record Join(SourcePosition Position, JoinType Type, Relation Left, Relation Right, JoinCriteria? Criteria) : Relation(Position);
