namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>RESET SESSION name.</summary>
public sealed record ResetSession(SourcePosition Position, QualifiedName Name) : Statement(Position);
