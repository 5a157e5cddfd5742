namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SET SESSION name = value.</summary>
public sealed record SetSession(SourcePosition Position, QualifiedName Name, Expression Value) : Statement(Position);
