namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>WITH [RECURSIVE] name AS (query), ….</summary>
public sealed record With(SourcePosition Position, bool Recursive, SyntaxList<WithQuery> Queries) : Node(Position);
