namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>One item of a SELECT list.</summary>
public abstract record SelectItem(SourcePosition Position) : Node(Position);
