using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>A table as listed by GetTables; <see cref="Schema"/> fields may carry ARROW:FLIGHT:SQL:* metadata.</summary>
public sealed record FlightSqlTableInfo(string? Catalog, string? DbSchema, string Name, string TableType, Schema Schema);
