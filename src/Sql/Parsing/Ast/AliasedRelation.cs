namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>relation [AS] alias [(column, …)].</summary>
public sealed record AliasedRelation(SourcePosition Position, Relation Relation, Identifier Alias, SyntaxList<Identifier> ColumnNames) : Relation(Position);
