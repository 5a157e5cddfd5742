namespace Lakehouse.Bench;

/// <summary>One <c>sql</c> benchmark query: our text, DuckDB's text, and the checksum tolerance (relative).</summary>
public sealed record SqlBenchQuery(string Name, string Ours, string DuckDb, double Tolerance = 1e-9);
