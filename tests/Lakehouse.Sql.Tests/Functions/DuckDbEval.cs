using System.Text;
using System.Text.Json;
using Lakehouse.Testing;

namespace Lakehouse.Sql.Tests.Functions;

/// <summary>Evaluates SQL expressions in DuckDB (tests/interop/duckdb-eval.mjs); each result is text, null, or an error.</summary>
internal static class DuckDbEval
{
    public static IReadOnlyList<(string? Value, string? Error)> Evaluate(IReadOnlyList<string> expressions)
    {
        var input = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(expressions));
        var output = NodeOracle.Run("duckdb-eval.mjs", TimeSpan.FromMinutes(3), input);
        using var doc = JsonDocument.Parse(output);
        var results = new List<(string?, string?)>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.TryGetProperty("error", out var error))
            {
                results.Add((null, error.GetString()));
            }
            else
            {
                var v = e.GetProperty("value");
                results.Add((v.ValueKind == JsonValueKind.Null ? null : v.GetString(), null));
            }
        }

        return results;
    }

    /// <summary>Runs every case in DuckDB and asserts our kernel's text equals DuckDB's (numbers compared numerically).</summary>
    public static void AssertAgree(IReadOnlyList<(string Sql, Func<string?> Ours)> cases)
    {
        var results = Evaluate(cases.Select(c => c.Sql).ToList());
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (expected, error) = results[i];
            if (error is not null)
            {
                failures.Add($"{cases[i].Sql}: DuckDB error {error}");
                continue;
            }

            string? actual;
            try
            {
                actual = cases[i].Ours();
            }
            catch (Exception ex)
            {
                failures.Add($"{cases[i].Sql}: ours threw {ex.Message}, DuckDB {expected}");
                continue;
            }

            if (!SameText(expected, actual))
            {
                failures.Add($"{cases[i].Sql}: DuckDB {Show(expected)}, ours {Show(actual)}");
            }
        }

        Xunit.Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool SameText(string? a, string? b)
    {
        if (a == b)
        {
            return true;
        }

        if (a is null || b is null)
        {
            return false;
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (double.TryParse(a, System.Globalization.NumberStyles.Float, inv, out var x) && double.TryParse(b, System.Globalization.NumberStyles.Float, inv, out var y))
        {
            return x == y || Math.Abs(x - y) <= 1e-12 * Math.Max(Math.Abs(x), Math.Abs(y));
        }

        return false;
    }

    private static string Show(string? s) => s is null ? "NULL" : $"'{s}'";
}
