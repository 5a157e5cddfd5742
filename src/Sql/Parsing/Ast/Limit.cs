namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>LIMIT n, or FETCH FIRST n ROWS ONLY|WITH TIES. LIMIT ALL is represented by no Limit at all.</summary>
public sealed record Limit(SourcePosition Position, Expression RowCount, bool WithTies) : Node(Position);
