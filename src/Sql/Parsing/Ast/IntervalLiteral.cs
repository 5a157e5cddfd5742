namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>INTERVAL [+|-] 'value' field [TO field].</summary>
public sealed record IntervalLiteral(SourcePosition Position, string Value, bool Negative, IntervalField From, IntervalField? To) : Literal(Position);
