namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>WHEN NOT MATCHED [AND condition] THEN INSERT [(columns)] VALUES (…).</summary>
public sealed record MergeInsert(SourcePosition Position, Expression? Condition, SyntaxList<Identifier> Columns, SyntaxList<Expression> Values) : MergeCase(Position);
