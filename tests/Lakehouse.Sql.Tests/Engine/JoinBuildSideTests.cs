using Lakehouse.Arrow.Arrays;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>The hash join builds the side estimated smaller (results are checked in tests/sql/joins/build_side.test).</summary>
public sealed class JoinBuildSideTests
{
    private const string Inputs = """
        WITH small(k, s) AS (VALUES (1, 'a'), (2, 'b')),
             d(x) AS (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)),
             big AS (SELECT a.x * 10 + b.x AS k FROM d a, d b)
        """;

    [Theory]
    [InlineData("small JOIN big ON small.k = big.k", "HashJoin Inner")]
    [InlineData("small LEFT JOIN big ON small.k = big.k", "HashJoin Right")]
    [InlineData("small RIGHT JOIN big ON small.k = big.k", "HashJoin Left")]
    [InlineData("small FULL JOIN big ON small.k = big.k", "HashJoin Full")]
    [InlineData("big JOIN small ON small.k = big.k", "HashJoin Inner")]
    public async Task TheLargerInputIsStreamedAndTheSmallerBuilt(string from, string expected)
    {
        var lines = (await PlanText($"EXPLAIN {Inputs} SELECT * FROM {from}")).Split('\n');
        var join = Array.FindIndex(lines, l => l.TrimStart().StartsWith("HashJoin", StringComparison.Ordinal));
        Assert.StartsWith(expected + " ", lines[join].TrimStart());

        // The first (streamed) child of the join is the 100-row side.
        Assert.Contains("(x#0 * 10)", lines[join + 1]);
    }

    [Fact]
    public async Task SemiJoinsKeepTheirSides()
    {
        var text = await PlanText($"EXPLAIN {Inputs} SELECT * FROM small WHERE k IN (SELECT k FROM big)");
        Assert.DoesNotContain("Right", text);
    }

    private static async Task<string> PlanText(string sql)
    {
        var batches = await new SqlEngine().CreateSession().QueryAsync(sql);
        return string.Join('\n', batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i))));
    }
}
