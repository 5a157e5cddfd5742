namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ORDER BY item, ….</summary>
public sealed record OrderBy(SourcePosition Position, SyntaxList<SortItem> Items) : Node(Position);
