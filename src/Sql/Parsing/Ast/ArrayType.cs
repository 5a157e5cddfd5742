namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>array(T) (also written array&lt;T&gt;).</summary>
public sealed record ArrayType(SourcePosition Position, DataType ElementType) : DataType(Position);
