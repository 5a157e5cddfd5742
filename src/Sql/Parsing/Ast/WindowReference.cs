namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>OVER w: a window named in the WINDOW clause.</summary>
public sealed record WindowReference(SourcePosition Position, Identifier Name) : Window(Position);
