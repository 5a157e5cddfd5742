namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A type known by name with optional numeric parameters: bigint, decimal(10,2), varchar(20), uuid. Name is lower case; int is normalized to integer, double precision to double.</summary>
public sealed record NamedType(SourcePosition Position, string Name, SyntaxList<int> Parameters) : DataType(Position);
