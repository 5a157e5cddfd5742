namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>map(K, V) (also written map&lt;K, V&gt;).</summary>
public sealed record MapType(SourcePosition Position, DataType KeyType, DataType ValueType) : DataType(Position);
