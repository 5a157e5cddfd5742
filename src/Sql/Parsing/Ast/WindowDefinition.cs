namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>name AS (specification) in a WINDOW clause.</summary>
public sealed record WindowDefinition(SourcePosition Position, Identifier Name, WindowSpecification Specification) : Node(Position);
