using Lakehouse.Arrow.Arrays;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>The TopNRanking pre-filter: where the plan gets it, what reaches the window, and where it must not apply.</summary>
public sealed class TopNRankingTests
{
    // 100,000 rows, ascending: under ORDER BY n DESC nearly every row improves on the partition's kept keys, so the
    // pre-filter admits most rows at first and must compact (more than 65,536 kept rows) before the end.
    private const string Numbers = """
        WITH d(x) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)),
             s AS (SELECT a.x * 10000 + b.x * 1000 + c.x * 100 + e.x * 10 + f.x + 1 AS n FROM d a, d b, d c, d e, d f ORDER BY n)
        """;

    [Theory]
    [InlineData("row_number", "rn <= 3", 9)]
    [InlineData("rank", "rn < 4", 9)]
    [InlineData("dense_rank", "3 >= rn", 9)]
    public async Task OnlyRowsThatCanRankWithinTheBoundReachTheWindow(string function, string bound, int expectedRows)
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 1024 }).CreateSession();
        var text = await PlanText(session, $"EXPLAIN ANALYZE {Numbers} SELECT n FROM (SELECT n, {function}() OVER (PARTITION BY n % 3 ORDER BY n DESC) AS rn FROM s) WHERE {bound}");
        var line = text.Split('\n').Single(l => l.Contains("TopNRanking", StringComparison.Ordinal));
        Assert.Contains($"TopNRanking {function} <= 3 PARTITION BY", line);
        Assert.Contains($"rows={expectedRows} ", line);
        var rows = await session.QueryAsync($"{Numbers} SELECT n FROM (SELECT n, {function}() OVER (PARTITION BY n % 3 ORDER BY n DESC) AS rn FROM s) WHERE {bound} ORDER BY n");
        var values = rows.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((PrimitiveArray<int>)b.Column(0)).Values[i])).ToList();
        Assert.Equal(Enumerable.Range(99992, 9), values);
    }

    [Theory]
    [InlineData("row_number() OVER (ORDER BY n) AS rn, sum(n) OVER () AS total", "rn <= 2")]
    [InlineData("row_number() OVER (ORDER BY n) AS rn, rank() OVER (ORDER BY n DESC) AS other", "rn <= 2")]
    [InlineData("row_number() OVER (ORDER BY n) AS rn", "rn > 2")]
    [InlineData("row_number() OVER (ORDER BY n) AS rn", "rn <= 2 OR n = 7")]
    [InlineData("ntile(2) OVER (ORDER BY n) AS rn", "rn <= 1")]
    public async Task NoPrefilterWhereDroppingRowsWouldChangeTheAnswer(string windows, string predicate)
    {
        var session = new SqlEngine().CreateSession();
        var text = await PlanText(session, $"EXPLAIN {Numbers} SELECT n FROM (SELECT n, {windows} FROM s) WHERE {predicate}");
        Assert.DoesNotContain("TopNRanking", text);
    }

    private static async Task<string> PlanText(SqlSession session, string sql)
    {
        var batches = await session.QueryAsync(sql);
        return string.Join('\n', batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i))));
    }
}
