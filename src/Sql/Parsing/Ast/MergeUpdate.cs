namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>WHEN MATCHED [AND condition] THEN UPDATE SET ….</summary>
public sealed record MergeUpdate(SourcePosition Position, Expression? Condition, SyntaxList<UpdateAssignment> Assignments) : MergeCase(Position);
