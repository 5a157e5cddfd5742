namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Dereference of a row field from a non-name expression: (expr).field.</summary>
public sealed record FieldReference(SourcePosition Position, Expression Base, Identifier Field) : Expression(Position);
