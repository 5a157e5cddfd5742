namespace Lakehouse.Flight.Sql;

/// <summary>An admin action served through DoAction and listed by ListActions.</summary>
public sealed record FlightSqlAdminAction(string Type, string Description);
