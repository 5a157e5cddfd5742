using System.Text.Json.Nodes;
using Lakehouse.Testing;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Runs tests/interop/parquet-duckdb.mjs; results of the fixture files are computed once per test run.</summary>
internal static class DuckDbOracle
{
    private static readonly object s_lock = new();
    private static Dictionary<string, JsonObject>? s_fixtures;

    /// <summary>DuckDB's reading of every fixture file: {columns, rows} or {error}.</summary>
    public static JsonObject ReadFixture(string path)
    {
        lock (s_lock)
        {
            if (s_fixtures is null)
            {
                var files = ParquetFixtures.DataFiles().Where(f => !ParquetFixtures.IsEncrypted(f) && !f.EndsWith("large_string_map.brotli.parquet", StringComparison.Ordinal)).ToArray();
                var output = NodeOracle.Run("parquet-duckdb.mjs", TimeSpan.FromMinutes(3), null, ["rows", .. files]);
                var map = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
                foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var o = JsonNode.Parse(line)!.AsObject();
                    map[o["file"]!.GetValue<string>()] = o;
                }

                s_fixtures = map;
            }

            return s_fixtures[path];
        }
    }

    /// <summary>DuckDB's reading of any Parquet file.</summary>
    public static JsonObject Read(string path)
    {
        var output = NodeOracle.Run("parquet-duckdb.mjs", "rows", path);
        return JsonNode.Parse(output.Trim())!.AsObject();
    }

    public static JsonObject Query(string sql) => JsonNode.Parse(NodeOracle.Run("parquet-duckdb.mjs", "sql", sql).Trim())!.AsObject();

    /// <summary>Runs <paramref name="sql"/> (e.g. a COPY writing <paramref name="path"/>), then reads the file, in one DuckDB session.</summary>
    public static JsonObject ExecuteAndRead(string sql, string path) =>
        JsonNode.Parse(NodeOracle.Run("parquet-duckdb.mjs", "exec-rows", sql, path).Trim())!.AsObject();

    public static void Execute(string sql) => NodeOracle.Run("parquet-duckdb.mjs", "exec", sql);
}
