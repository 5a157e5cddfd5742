namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A query parameter: ? (numbered from 1 in order of appearance) or $n.</summary>
public sealed record Parameter(SourcePosition Position, int Number, ParameterStyle Style) : Expression(Position);
