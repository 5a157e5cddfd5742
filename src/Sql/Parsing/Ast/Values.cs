namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>VALUES row, …; a row with several columns is a RowConstructor.</summary>
public sealed record Values(SourcePosition Position, SyntaxList<Expression> Rows) : QueryBody(Position);
