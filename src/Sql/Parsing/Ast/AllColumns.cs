namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>* or prefix.*.</summary>
public sealed record AllColumns(SourcePosition Position, QualifiedName? Prefix) : SelectItem(Position);
