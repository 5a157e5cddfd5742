namespace Lakehouse.Flight.Sql;

/// <summary>A database schema (Iceberg namespace) and its catalog.</summary>
public sealed record FlightSqlSchemaName(string? Catalog, string Schema);
