namespace Lakehouse.Sql;

/// <summary>A table for metadata listings (SHOW TABLES, Flight SQL GetTables).</summary>
public sealed record SqlTableInfo(string Catalog, string Schema, string Name, string TableType = "TABLE");
