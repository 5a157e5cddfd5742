namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>FOR VERSION AS OF n or FOR TIMESTAMP AS OF ts.</summary>
public sealed record TableVersion(SourcePosition Position, TableVersionKind Kind, Expression Value) : Node(Position);
