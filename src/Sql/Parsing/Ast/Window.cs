namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>The target of OVER: a named window or an inline specification.</summary>
public abstract record Window(SourcePosition Position) : Node(Position);
