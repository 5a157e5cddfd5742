namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ROW(e1, e2, …) or (e1, e2, …).</summary>
public sealed record RowConstructor(SourcePosition Position, SyntaxList<Expression> Fields) : Expression(Position);
