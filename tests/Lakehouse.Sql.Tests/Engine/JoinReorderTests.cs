using Lakehouse.Arrow.Arrays;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>Join chains are reordered by estimated size (results are checked against DuckDB in tests/sql/joins/reorder.test).</summary>
public sealed class JoinReorderTests
{
    private const string Inputs = """
        WITH d1(a, x) AS (VALUES (1, 'p'), (2, 'q')),
             d2(b, y) AS (VALUES (10, 'r'), (20, 's'), (30, 't')),
             n(i) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)),
             fact AS (SELECT a.i * 10 + b.i AS v, (a.i * 10 + b.i) % 3 AS fa, (a.i % 4) * 10 AS fb FROM n a, n b)
        """;

    [Fact]
    public async Task TwoUnrelatedDimensionsAreNotCrossJoined()
    {
        // Written order: d1 x d2 first (no predicate connects them), then the fact table.
        var lines = await Plan($"EXPLAIN {Inputs} SELECT * FROM d1, d2, fact WHERE fact.fa = d1.a AND fact.fb = d2.b");
        var joins = lines.Where(l => l.TrimStart().StartsWith("HashJoin", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, joins.Count);
        Assert.All(joins, j => Assert.StartsWith("HashJoin Inner", j.TrimStart()));

        // The fact table (100 rows) is streamed at the bottom of the left-deep tree: the lower join's first child. The
        // only nested-loop join left is the one inside the fact table's own definition (n a, n b).
        var lower = lines.FindIndex(l => l == joins[1]);
        Assert.Contains("* 10", lines[lower + 1]);
        Assert.Single(lines, l => l.Contains("NestedLoopJoin", StringComparison.Ordinal));
        Assert.True(lines.FindIndex(l => l.Contains("NestedLoopJoin", StringComparison.Ordinal)) > lower + 1);
    }

    [Fact]
    public async Task SelectStarKeepsTheWrittenColumnOrder()
    {
        var batches = await new SqlEngine().CreateSession().QueryAsync($"{Inputs} SELECT * FROM d1, d2, fact WHERE fact.fa = d1.a AND fact.fb = d2.b LIMIT 1");
        Assert.Equal(["a", "x", "b", "y", "v", "fa", "fb"], batches[0].Schema.Fields.Select(f => f.Name));
    }

    private static async Task<List<string>> Plan(string sql)
    {
        var batches = await new SqlEngine().CreateSession().QueryAsync(sql);
        return batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i)!)).ToList();
    }
}
