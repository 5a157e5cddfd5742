namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>column = value in UPDATE and MERGE.</summary>
public sealed record UpdateAssignment(SourcePosition Position, Identifier Column, Expression Value) : Node(Position);
