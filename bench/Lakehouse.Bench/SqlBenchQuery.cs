namespace Lakehouse.Bench;

/// <summary>
/// One <c>sql</c> benchmark query: our text, DuckDB's text, the checksum tolerance (relative), and optionally an
/// exact DuckDB text the result check uses instead of <see cref="DuckDb"/> (DuckDB's approx_count_distinct is off by
/// up to ~35 % per group on this data, so approximate results are checked against the exact figures).
/// </summary>
public sealed record SqlBenchQuery(string Name, string Ours, string DuckDb, double Tolerance = 1e-9, string? DuckDbCheck = null);
