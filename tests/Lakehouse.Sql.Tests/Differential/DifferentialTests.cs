using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Sql.Tests.Logic;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Differential;

/// <summary>
/// Differential testing against DuckDB: seeded random queries (QueryGenerator) run through SqlEngine and
/// through DuckDB (tests/interop/sql-differential.mjs, one node process for the whole batch) over the same
/// Parquet files; results are compared as multisets, numbers with a tolerance. LAKEHOUSE_DIFF_QUERIES sets
/// how many queries per seed (default 150), LAKEHOUSE_DIFF_SEED a single seed to replay.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly int[] s_seeds = [1, 2];

    [SkippableFact]
    public async Task RandomQueriesAgreeWithDuckDb()
    {
        Skip.IfNot(Directory.Exists(Path.Combine(RepoPaths.Interop, "node_modules", "@duckdb")), "npm ci in tests/interop first");
        var count = int.TryParse(Environment.GetEnvironmentVariable("LAKEHOUSE_DIFF_QUERIES"), out var n) ? n : 150;
        int[] seeds = int.TryParse(Environment.GetEnvironmentVariable("LAKEHOUSE_DIFF_SEED"), out var s) ? [s] : s_seeds;
        var queries = new List<(int Seed, int Index, string Sql)>();
        foreach (var seed in seeds)
        {
            var generator = new QueryGenerator(seed);
            for (var i = 0; i < count; i++)
            {
                queries.Add((seed, i, generator.Next()));
            }
        }

        var input = new StringBuilder();
        for (var i = 0; i < queries.Count; i++)
        {
            input.Append(JsonSerializer.Serialize(new { id = i, sql = queries[i].Sql })).Append('\n');
        }

        var output = NodeOracle.Run("sql-differential.mjs", TimeSpan.FromMinutes(10), Encoding.UTF8.GetBytes(input.ToString()), TestData.Directory.Replace('\\', '/'));
        var oracle = new Dictionary<int, JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var doc = JsonDocument.Parse(line).RootElement;
            oracle[doc.GetProperty("id").GetInt32()] = doc;
        }

        var engine = new SqlEngine(new SqlEngineOptions { BatchSize = 64, DegreeOfParallelism = 2, QueryTimeout = TimeSpan.FromMinutes(1) });
        var session = engine.CreateSession();
        var failures = new List<string>();
        for (var i = 0; i < queries.Count && failures.Count < 10; i++)
        {
            var (seed, index, sql) = queries[i];
            var where = $"seed {seed} query {index}:\n  {sql}";
            var expected = oracle[i];
            if (expected.TryGetProperty("error", out var duckError))
            {
                failures.Add($"{where}\n  DuckDB rejected the generated query (generator bug): {duckError.GetString()}");
                continue;
            }

            List<string[]> actual;
            try
            {
                actual = ValueFormatter.Rows(await session.QueryAsync(LogicTestRunner.Substitute(sql)));
            }
            catch (Exception e)
            {
                failures.Add($"{where}\n  we failed: {e.GetType().Name}: {e.Message}");
                continue;
            }

            var expectedRows = expected.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetString()!).ToArray()).ToList();
            if (Compare(expectedRows, actual) is { } difference)
            {
                failures.Add($"{where}\n  {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} differing quer(ies) out of {queries.Count}:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>Null when the two results are equal as multisets of rows; otherwise the first difference.</summary>
    internal static string? Compare(List<string[]> expected, List<string[]> actual)
    {
        if (expected.Count != actual.Count)
        {
            var missing = expected.Select(Join).Except(actual.Select(Join)).FirstOrDefault();
            var extra = actual.Select(Join).Except(expected.Select(Join)).FirstOrDefault();
            return $"DuckDB returned {expected.Count} rows, we returned {actual.Count}" + (missing is null ? string.Empty : $"; first row only in DuckDB: {missing}") + (extra is null ? string.Empty : $"; first row only in ours: {extra}");
        }

        var e = expected.Select(Normalize).OrderBy(Join, StringComparer.Ordinal).ToList();
        var a = actual.Select(Normalize).OrderBy(Join, StringComparer.Ordinal).ToList();
        for (var r = 0; r < e.Count; r++)
        {
            if (e[r].Length != a[r].Length)
            {
                return $"DuckDB returned {e[r].Length} columns, we returned {a[r].Length}";
            }

            for (var c = 0; c < e[r].Length; c++)
            {
                if (!Same(e[r][c], a[r][c]))
                {
                    return $"first differing row (sorted): DuckDB [{Join(e[r])}] ours [{Join(a[r])}]";
                }
            }
        }

        return null;
    }

    private static string Join(string[] row) => string.Join(" | ", row);

    // Numbers are compared by value (decimal scale and integer/double types may differ between the engines):
    // rounded to 4 significant decimals for the sort, exactly-or-within-tolerance for the comparison.
    private static string[] Normalize(string[] row) => row.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !v.Contains('-', StringComparison.Ordinal) | v.StartsWith('-')
        ? Math.Round(d, 4).ToString("R", CultureInfo.InvariantCulture)
        : v).ToArray();

    private static bool Same(string x, string y)
    {
        if (x == y)
        {
            return true;
        }

        if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
        {
            return Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
        }

        return false;
    }
}
