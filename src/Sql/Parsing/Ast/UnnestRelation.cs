namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>UNNEST(array, …) [WITH ORDINALITY].</summary>
public sealed record UnnestRelation(SourcePosition Position, SyntaxList<Expression> Expressions, bool WithOrdinality) : Relation(Position);
