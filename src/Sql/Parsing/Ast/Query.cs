namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A complete query: [WITH …] body [ORDER BY …] [OFFSET n] [LIMIT n | FETCH FIRST n ROWS …].</summary>
public sealed record Query(SourcePosition Position, With? With, QueryBody Body, OrderBy? OrderBy, Expression? Offset, Limit? Limit) : Statement(Position);
