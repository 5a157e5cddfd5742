namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ROLLBACK [WORK].</summary>
public sealed record Rollback(SourcePosition Position) : Statement(Position);
