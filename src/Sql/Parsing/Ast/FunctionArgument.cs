namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An argument of a table function or procedure, optionally named: name =&gt; value.</summary>
public sealed record FunctionArgument(SourcePosition Position, Identifier? Name, Expression Value) : Node(Position);
