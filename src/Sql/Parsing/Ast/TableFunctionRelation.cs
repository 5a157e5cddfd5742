namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A table function in FROM: read_parquet('glob'), iceberg_scan('path'), read_csv(…), read_json(…), or TABLE(f(…)).</summary>
public sealed record TableFunctionRelation(SourcePosition Position, QualifiedName Name, SyntaxList<FunctionArgument> Arguments) : Relation(Position);
