namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>MERGE INTO target [[AS] alias] USING source ON condition WHEN ….</summary>
public sealed record Merge(SourcePosition Position, QualifiedName Target, Identifier? TargetAlias, Relation Source, Expression Condition, SyntaxList<MergeCase> Cases) : Statement(Position);
