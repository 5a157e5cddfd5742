namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Base of every top-level statement.</summary>
public abstract record Statement(SourcePosition Position) : Node(Position);
