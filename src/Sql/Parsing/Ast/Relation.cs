namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Base of every FROM-clause item.</summary>
public abstract record Relation(SourcePosition Position) : Node(Position);
