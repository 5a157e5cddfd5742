namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A table, view or CTE name, possibly a metadata table "t$snapshots", with optional time travel.</summary>
public sealed record TableReference(SourcePosition Position, QualifiedName Name, TableVersion? Version) : Relation(Position);
