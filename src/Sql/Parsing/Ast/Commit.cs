namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>COMMIT [WORK].</summary>
public sealed record Commit(SourcePosition Position) : Statement(Position);
