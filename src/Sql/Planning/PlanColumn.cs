using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Planning;

/// <summary>One output column of a plan operator.</summary>
public sealed record PlanColumn(string Name, SqlType Type);
