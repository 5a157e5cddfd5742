namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>OVER ([base] [PARTITION BY …] [ORDER BY …] [frame]).</summary>
public sealed record WindowSpecification(SourcePosition Position, Identifier? BaseWindow, SyntaxList<Expression> PartitionBy, OrderBy? OrderBy, WindowFrame? Frame) : Window(Position);
