namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>row(name T, …); field names are optional.</summary>
public sealed record RowType(SourcePosition Position, SyntaxList<RowField> Fields) : DataType(Position);
