namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A type as written in SQL (CAST, column definitions, typed literals).</summary>
public abstract record DataType(SourcePosition Position) : Node(Position);
