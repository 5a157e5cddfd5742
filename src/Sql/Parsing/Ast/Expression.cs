namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Base of every scalar expression.</summary>
public abstract record Expression(SourcePosition Position) : Node(Position);
