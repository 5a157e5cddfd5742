namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>CASE [operand] WHEN … THEN … [ELSE …] END (simple when Operand is set, searched otherwise).</summary>
public sealed record CaseExpression(SourcePosition Position, Expression? Operand, SyntaxList<WhenClause> WhenClauses, Expression? Else) : Expression(Position);
