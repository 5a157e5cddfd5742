namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value AT TIME ZONE zone.</summary>
public sealed record AtTimeZoneExpression(SourcePosition Position, Expression Value, Expression Zone) : Expression(Position);
