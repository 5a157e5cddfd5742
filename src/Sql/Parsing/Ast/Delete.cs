namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>DELETE FROM table [[AS] alias] [WHERE …].</summary>
public sealed record Delete(SourcePosition Position, QualifiedName Table, Identifier? Alias, Expression? Where) : Statement(Position);
