using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>A column for metadata listings (SHOW COLUMNS, DESCRIBE, Flight SQL GetTables with schemas).</summary>
public sealed record SqlColumnInfo(string Name, SqlType Type, bool IsNullable, string? Comment = null);
