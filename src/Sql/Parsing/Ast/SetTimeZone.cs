namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>SET TIME ZONE LOCAL (Zone is null) or SET TIME ZONE expression.</summary>
public sealed record SetTimeZone(SourcePosition Position, Expression? Zone) : Statement(Position);
