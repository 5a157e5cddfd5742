namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>WHEN MATCHED [AND condition] THEN DELETE.</summary>
public sealed record MergeDelete(SourcePosition Position, Expression? Condition) : MergeCase(Position);
