namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A possibly qualified column name (a, t.a, s.t.a); the binder decides which parts name the relation and which dereference row fields.</summary>
public sealed record ColumnReference(SourcePosition Position, QualifiedName Name) : Expression(Position);
