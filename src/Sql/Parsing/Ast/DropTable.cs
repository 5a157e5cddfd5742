namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>DROP TABLE [IF EXISTS] name.</summary>
public sealed record DropTable(SourcePosition Position, QualifiedName Name, bool IfExists) : Statement(Position);
