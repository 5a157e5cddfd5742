namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>START TRANSACTION (also BEGIN [TRANSACTION|WORK]); transactions are single-statement, so the server may treat it as a no-op.</summary>
public sealed record StartTransaction(SourcePosition Position) : Statement(Position);
