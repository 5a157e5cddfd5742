namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Base of literal values.</summary>
public abstract record Literal(SourcePosition Position) : Expression(Position);
