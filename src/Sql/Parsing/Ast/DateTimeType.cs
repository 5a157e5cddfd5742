namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>time[(p)] or timestamp[(p)] [WITH TIME ZONE].</summary>
public sealed record DateTimeType(SourcePosition Position, DateTimeTypeKind Kind, int? Precision, bool WithTimeZone) : DataType(Position);
