namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>A literal written as type 'value': DATE '2024-01-01', TIMESTAMP '…', DECIMAL '1.2', UUID '…'.</summary>
public sealed record TypedLiteral(SourcePosition Position, DataType Type, string Value) : Literal(Position);
