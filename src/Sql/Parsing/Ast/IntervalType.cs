namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>interval day to second, interval year to month.</summary>
public sealed record IntervalType(SourcePosition Position, IntervalField From, IntervalField? To) : DataType(Position);
