namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ARRAY[e1, e2, …].</summary>
public sealed record ArrayConstructor(SourcePosition Position, SyntaxList<Expression> Elements) : Expression(Position);
