namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>expression [[AS] alias].</summary>
public sealed record SingleColumn(SourcePosition Position, Expression Expression, Identifier? Alias) : SelectItem(Position);
