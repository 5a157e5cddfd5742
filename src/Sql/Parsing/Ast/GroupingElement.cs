namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>One element of a GROUP BY clause.</summary>
public abstract record GroupingElement(SourcePosition Position) : Node(Position);
