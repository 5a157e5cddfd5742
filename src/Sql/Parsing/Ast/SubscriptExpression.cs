namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Array or map subscript: base[index].</summary>
public sealed record SubscriptExpression(SourcePosition Position, Expression Base, Expression Index) : Expression(Position);
