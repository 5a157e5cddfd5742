namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>INSERT INTO table [(columns)] query (VALUES or SELECT).</summary>
public sealed record Insert(SourcePosition Position, QualifiedName Table, SyntaxList<Identifier> Columns, Query Query) : Statement(Position);
