namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>An EXPLAIN option such as FORMAT TEXT or TYPE LOGICAL.</summary>
public sealed record ExplainOption(SourcePosition Position, Identifier Name, Identifier Value) : Node(Position);
