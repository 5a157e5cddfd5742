namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>UPDATE table SET column = value, … [WHERE …].</summary>
public sealed record Update(SourcePosition Position, QualifiedName Table, SyntaxList<UpdateAssignment> Assignments, Expression? Where) : Statement(Position);
