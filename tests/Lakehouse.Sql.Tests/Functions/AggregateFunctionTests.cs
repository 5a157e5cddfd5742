using System.Globalization;
using Lakehouse.Sql.Functions.Sketches;
using Lakehouse.Sql.Types;
using Xunit;
using static Lakehouse.Sql.Tests.Functions.FunctionHarness;

namespace Lakehouse.Sql.Tests.Functions;

public class AggregateFunctionTests
{
    private static readonly int[] s_twoGroups = [0, 1, 0, 1, 0, 1, 0, 2];

    private static void Eq(string?[] expected, string?[] actual) =>
        Assert.Equal(string.Join(" | ", expected.Select(e => e ?? "NULL")), string.Join(" | ", actual.Select(a => a ?? "NULL")));

    [Fact]
    public void Simple_aggregates_with_partial_states_merged()
    {
        object?[] flags = [true, false, true, null, false, false, true, null];
        Eq(["3", "0", "0"], Aggregate("count_if", [SqlType.Boolean], [flags], s_twoGroups, 3));
        Eq(["false", "false", null], Aggregate("bool_and", [SqlType.Boolean], [flags], s_twoGroups, 3));
        Eq(["true", "false", null], Aggregate("bool_or", [SqlType.Boolean], [flags], s_twoGroups, 3));
        object?[] words = ["a", "b", null, "d", "e", "f", "g", null];
        Eq(["a,e,g", "b,d,f", null], Aggregate("string_agg", [SqlType.Varchar, SqlType.Varchar], [words, Enumerable.Repeat<object?>(",", 8).ToArray()], s_twoGroups, 3));
        Eq(["[a, NULL, e, g]", "[b, d, f]", "[NULL]"], Aggregate("array_agg", [SqlType.Varchar], [words], s_twoGroups, 3));
        Eq(["a", "b", null], Aggregate("arbitrary", [SqlType.Varchar], [words], s_twoGroups, 3));
        object?[] keys = [5L, 1L, 9L, 7L, 2L, 3L, null, 4L];
        Eq([null, "d", null], Aggregate("max_by", [SqlType.Varchar, SqlType.BigInt], [words, keys], s_twoGroups, 3));
        Eq(["e", "b", null], Aggregate("min_by", [SqlType.Varchar, SqlType.BigInt], [words, keys], s_twoGroups, 3));
    }

    [Fact]
    public void Max_by_returns_value_of_largest_key()
    {
        object?[] names = ["x", "y", "z", "w"];
        object?[] scores = [3.0, 7.5, 1.0, 7.0];
        Eq(["y"], Aggregate("max_by", [SqlType.Varchar, SqlType.Double], [names, scores], [0, 0, 0, 0], 1));
        Eq(["z"], Aggregate("min_by", [SqlType.Varchar, SqlType.Double], [names, scores], [0, 0, 0, 0], 1));
    }

    [SkippableFact]
    public void Variance_family_agrees_with_duckdb()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 1000).Select(_ => Math.Round(random.NextDouble() * 1000, 3)).ToArray();
        var list = string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var groups = new int[values.Length];
        var cases = new List<(string, Func<string?>)>();
        foreach (var name in new[] { "var_samp", "var_pop", "stddev_samp", "stddev_pop", "variance", "stddev" })
        {
            cases.Add(($"round((SELECT {name}(x) FROM unnest([{list}]) t(x)), 6)", () => Round(Aggregate(name, [SqlType.Double], [values.Cast<object?>().ToArray()], groups, 1)[0])));
        }

        DuckDbEval.AssertAgree(cases);

        static string? Round(string? s) => s is null ? null : Math.Round(double.Parse(s, CultureInfo.InvariantCulture), 6).ToString("R", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Sample_variance_is_null_for_one_value()
    {
        Eq([null], Aggregate("var_samp", [SqlType.Double], [[1.0, null]], [0, 0], 1));
        Eq(["0"], Aggregate("var_pop", [SqlType.Double], [[1.0, null]], [0, 0], 1));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void HyperLogLog_error_stays_within_three_standard_errors(int distinct)
    {
        var random = new Random(distinct);
        var a = new HyperLogLog();
        var b = new HyperLogLog();
        for (var i = 0; i < distinct; i++)
        {
            var value = random.NextInt64();
            var hash = Lakehouse.Sql.Functions.Hashing.XxHash64.HashInt64(value);
            (i % 2 == 0 ? a : b).Add(hash);
            a.Add(hash); // duplicates do not count
        }

        a.Merge(b);
        var error = Math.Abs(a.Estimate() - distinct) / (double)distinct;
        Assert.True(error <= 3 * a.StandardError, $"estimate {a.Estimate()} for {distinct}: error {error:P2} > {3 * a.StandardError:P2}");
        if (distinct <= 100)
        {
            Assert.Equal(distinct, a.Estimate());
        }
    }

    [Fact]
    public void Approx_distinct_through_registry_counts_small_sets_exactly()
    {
        object?[] values = ["a", "b", "a", "c", null, "b", "d", "a"];
        Eq(["2", "2", "1"], Aggregate("approx_distinct", [SqlType.Varchar], [values], s_twoGroups, 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TDigest_rank_error_below_one_percent(int distribution)
    {
        var random = new Random(42 + distribution);
        const int n = 200_000;
        var data = new double[n];
        var parts = new[] { new TDigest(), new TDigest(), new TDigest() };
        for (var i = 0; i < n; i++)
        {
            data[i] = distribution == 1 ? random.NextDouble() * 100 : Math.Exp(random.NextDouble() * 10);
            parts[i % 3].Add(data[i]);
        }

        parts[0].Merge(parts[1]);
        parts[0].Merge(parts[2]);
        Array.Sort(data);
        foreach (var q in new[] { 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999 })
        {
            var estimate = parts[0].Quantile(q);
            var rank = Array.BinarySearch(data, estimate);
            rank = rank < 0 ? ~rank : rank;
            var rankError = Math.Abs((rank / (double)n) - q);
            Assert.True(rankError < 0.01 * Math.Max(0.1, Math.Min(1, 4 * q * (1 - q) * 2.5)), $"q={q}: estimate {estimate} has rank error {rankError:P3}");
        }
    }

    [Fact]
    public void Approx_percentile_through_registry()
    {
        object?[] values = Enumerable.Range(1, 101).Select(i => (object?)(long)i).ToArray();
        object?[] p = Enumerable.Repeat<object?>(0.5, 101).ToArray();
        Eq(["51"], Aggregate("approx_percentile", [SqlType.BigInt, SqlType.Double], [values, p], new int[101], 1));
    }
}
