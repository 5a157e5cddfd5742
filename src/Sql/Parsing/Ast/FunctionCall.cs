namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A scalar, aggregate or window function call: name([DISTINCT] args [ORDER BY …]) [FILTER (WHERE …)] [IGNORE|RESPECT NULLS] [OVER …]. Star is count(*). POSITION(a IN b), SUBSTRING(a FROM b FOR c) and TRIM(… FROM …) become calls of position, substring, trim/ltrim/rtrim.</summary>
public sealed record FunctionCall(SourcePosition Position, QualifiedName Name, bool Distinct, SyntaxList<Expression> Arguments, bool Star, OrderBy? OrderBy, Expression? Filter, NullTreatment NullTreatment, Window? Over) : Expression(Position);
