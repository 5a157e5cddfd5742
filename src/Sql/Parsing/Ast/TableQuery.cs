namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>TABLE name (all rows of a table).</summary>
public sealed record TableQuery(SourcePosition Position, QualifiedName Name) : QueryBody(Position);
