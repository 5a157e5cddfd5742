namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>COPY table|(query) TO 'file' [WITH (format = 'parquet', …)] (also COPY … TO 'f' (FORMAT parquet)). Exactly one of Table and Query is set.</summary>
public sealed record Copy(SourcePosition Position, QualifiedName? Table, Query? Query, string Target, SyntaxList<Property> Options) : Statement(Position);
