namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CURRENT_DATE, CURRENT_TIMESTAMP[(p)], LOCALTIME, CURRENT_USER, … (no parentheses needed).</summary>
public sealed record CurrentValueExpression(SourcePosition Position, CurrentValue Kind, int? Precision) : Expression(Position);
