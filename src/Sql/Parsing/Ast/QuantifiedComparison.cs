namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>value op ALL|ANY|SOME (subquery).</summary>
public sealed record QuantifiedComparison(SourcePosition Position, BinaryOperator Operator, Quantifier Quantifier, Expression Value, Query Subquery) : Expression(Position);
