namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right; Distinct is false only for ALL.</summary>
public sealed record SetOperation(SourcePosition Position, SetOperator Operator, bool Distinct, QueryBody Left, QueryBody Right) : QueryBody(Position);
