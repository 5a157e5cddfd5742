namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>ROWS|RANGE|GROUPS start or … BETWEEN start AND end.</summary>
public sealed record WindowFrame(SourcePosition Position, FrameUnit Unit, FrameBound Start, FrameBound? End) : Node(Position);
