namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CAST(value AS type), TRY_CAST(…) when IsTry, or value::type.</summary>
public sealed record CastExpression(SourcePosition Position, Expression Value, DataType Type, bool IsTry) : Expression(Position);
