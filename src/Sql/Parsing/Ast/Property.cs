namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>name = value in WITH (…), SET PROPERTIES and COPY options.</summary>
public sealed record Property(SourcePosition Position, Identifier Name, Expression Value) : Node(Position);
