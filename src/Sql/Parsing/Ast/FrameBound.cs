namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, n FOLLOWING, UNBOUNDED FOLLOWING.</summary>
public sealed record FrameBound(SourcePosition Position, FrameBoundKind Kind, Expression? Offset) : Node(Position);
