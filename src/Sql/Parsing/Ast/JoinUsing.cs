namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>USING (a, b).</summary>
public sealed record JoinUsing(SourcePosition Position, SyntaxList<Identifier> Columns) : JoinCriteria(Position);
