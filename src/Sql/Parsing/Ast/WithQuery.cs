namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>One common table expression: name [(columns)] AS (query).</summary>
public sealed record WithQuery(SourcePosition Position, Identifier Name, SyntaxList<Identifier> ColumnNames, Query Query) : Node(Position);
