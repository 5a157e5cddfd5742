namespace Lakehouse.Flight.Sql;

/// <summary>What GetSqlInfo reports about the engine.</summary>
public sealed record FlightSqlServerIdentity(string Name, string Version, bool ReadOnly, bool SupportsTransactions = false);
