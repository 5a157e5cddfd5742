namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>key [ASC|DESC] [NULLS FIRST|LAST]; Unspecified means the default (ascending, nulls last).</summary>
public sealed record SortItem(SourcePosition Position, Expression Key, SortOrder Order, NullOrder Nulls) : Node(Position);
