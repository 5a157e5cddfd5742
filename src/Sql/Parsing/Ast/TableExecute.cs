namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ALTER TABLE t EXECUTE procedure[(args)] [WHERE …] (optimize, expire_snapshots, …).</summary>
public sealed record TableExecute(SourcePosition Position, QualifiedName Table, Identifier Procedure, SyntaxList<FunctionArgument> Arguments, Expression? Where) : Statement(Position);
