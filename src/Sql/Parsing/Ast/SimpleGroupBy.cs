namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A plain grouping expression (may be an ordinal or a select alias; the binder decides).</summary>
public sealed record SimpleGroupBy(SourcePosition Position, Expression Expression) : GroupingElement(Position);
