namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>One WHEN clause of MERGE.</summary>
public abstract record MergeCase(SourcePosition Position) : Node(Position);
