namespace Lakehouse.Flight.Sql;

/// <summary>A CommandStatementIngest target and what to do when the table exists or not.</summary>
public sealed record FlightSqlIngestRequest(string? Catalog, string? Schema, string Table, FlightSqlIngestMode IfExists, bool CreateIfMissing, bool Temporary, IReadOnlyDictionary<string, string> Options);
