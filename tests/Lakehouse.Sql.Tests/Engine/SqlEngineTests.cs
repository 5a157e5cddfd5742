using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Tests.Logic;
using Lakehouse.Sql.Types;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>The public engine API: results, streaming, prepare, parameters, EXPLAIN, limits, cancellation.</summary>
public sealed class SqlEngineTests
{
    private static string Events => $"read_parquet('{TestData.Directory.Replace('\\', '/')}/events.parquet')";

    [Fact]
    public async Task QueryReturnsSchemaAndBatches()
    {
        var session = new SqlEngine().CreateSession();
        await using var result = await session.ExecuteAsync("SELECT 1 AS a, 'x' AS b");
        Assert.True(result.IsQuery);
        Assert.Equal(["a", "b"], result.Schema.Fields.Select(f => f.Name));
        var rows = 0;
        await foreach (var batch in result.Batches)
        {
            rows += batch.Length;
            Assert.Equal(1, ((PrimitiveArray<int>)batch.Column(0)).Values[0]);
        }

        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task ResultsStreamInBatchesOfTheConfiguredSize()
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 16 }).CreateSession();
        var batches = await session.QueryAsync($"SELECT id FROM {Events}");
        Assert.True(batches.Count >= 300 / 16);
        Assert.All(batches, b => Assert.True(b.Length <= 16));
        Assert.Equal(300, batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task FirstBatchArrivesBeforeTheScanEnds()
    {
        // A streaming plan: take one batch and stop; the enumeration must not need the whole input.
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 10 }).CreateSession();
        await using var result = await session.ExecuteAsync($"SELECT id FROM {Events} WHERE likes >= 0");
        await using var e = result.Batches.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());
        Assert.Equal(10, e.Current.Length);
    }

    [Fact]
    public async Task ParametersBindAsConstants()
    {
        var session = new SqlEngine().CreateSession();
        var batches = await session.QueryAsync($"SELECT count(*) FROM {Events} WHERE id <= ? AND platform = $2", [10L, "web"]);
        var all = await session.QueryAsync($"SELECT count(*) FROM {Events} WHERE id <= 10 AND platform = 'web'");
        Assert.Equal(((PrimitiveArray<long>)all[0].Column(0)).Values[0], ((PrimitiveArray<long>)batches[0].Column(0)).Values[0]);
    }

    [Fact]
    public void PrepareGivesSchemaAndParameterTypes()
    {
        var session = new SqlEngine().CreateSession();
        var prepared = session.Prepare($"SELECT id, platform FROM {Events} WHERE id > ? AND platform = ?");
        Assert.True(prepared.IsQuery);
        Assert.Equal(["id", "platform"], prepared.Schema.Fields.Select(f => f.Name));
        Assert.Equal([SqlType.BigInt, SqlType.Varchar], prepared.ParameterTypes);
    }

    [Fact]
    public async Task ExplainShowsPushedFilterAndProjection()
    {
        var session = new SqlEngine().CreateSession();
        var text = await PlanText(session, $"EXPLAIN SELECT platform FROM {Events} WHERE id > 250");
        Assert.Contains("filter=(id#0 > 250)", text);
        Assert.Contains("columns=[id, platform]", text);
    }

    [Fact]
    public async Task ExplainAnalyzeCountsSkippedRowGroups()
    {
        var session = new SqlEngine().CreateSession();
        var text = await PlanText(session, $"EXPLAIN ANALYZE SELECT count(*) FROM {Events} WHERE id > 250");
        Assert.Contains("row_groups_skipped=2", text);
        Assert.Contains("rows=1", text);
    }

    [Fact]
    public async Task MemoryLimitFailsWithAClearError()
    {
        var session = new SqlEngine(new SqlEngineOptions { MemoryLimitBytes = 1000 }).CreateSession();
        var e = await Assert.ThrowsAsync<SqlException>(() => session.QueryAsync($"SELECT * FROM {Events} ORDER BY likes"));
        Assert.Equal(SqlErrorKind.Execution, e.Kind);
        Assert.Contains("memory limit", e.Message);
    }

    [Fact]
    public async Task CancellationStopsTheQuery()
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 2 }).CreateSession();
        using var cts = new CancellationTokenSource();
        await using var result = await session.ExecuteAsync($"SELECT a.id FROM {Events} a, {Events} b", null, cts.Token);
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in result.Batches.WithCancellation(cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
    }

    [Fact]
    public async Task TimeoutFailsWithAClearError()
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 2, QueryTimeout = TimeSpan.FromMilliseconds(50) }).CreateSession();
        var e = await Assert.ThrowsAsync<SqlException>(() => session.QueryAsync($"SELECT count(*) FROM {Events} a, {Events} b, {Events} c"));
        Assert.Contains("timeout", e.Message);
    }

    [Fact]
    public async Task HugeInListAndDeepNestingDoNotCrash()
    {
        var session = new SqlEngine().CreateSession();
        var list = string.Join(", ", Enumerable.Range(0, 20000));
        var batches = await session.QueryAsync($"SELECT count(*) FROM {Events} WHERE id IN ({list})");
        Assert.Equal(300L, ((PrimitiveArray<long>)batches[0].Column(0)).Values[0]);
        var deep = string.Concat(Enumerable.Repeat("(", 300)) + "1" + string.Concat(Enumerable.Repeat(" + 1)", 300));
        var r = await session.QueryAsync($"SELECT {deep}");
        Assert.Equal(301, ((PrimitiveArray<int>)r[0].Column(0)).Values[0]);
    }

    [Fact]
    public async Task ErrorsCarryTheirKind()
    {
        var session = new SqlEngine().CreateSession();
        Assert.Equal(SqlErrorKind.Parser, (await Assert.ThrowsAnyAsync<SqlException>(() => session.QueryAsync("SELEC 1"))).Kind);
        Assert.Equal(SqlErrorKind.Binder, (await Assert.ThrowsAsync<SqlException>(() => session.QueryAsync("SELECT x"))).Kind);
        Assert.Equal(SqlErrorKind.Execution, (await Assert.ThrowsAsync<SqlException>(() => session.QueryAsync("SELECT 1 / 0"))).Kind);
    }

    private static async Task<string> PlanText(SqlSession session, string sql)
    {
        var batches = await session.QueryAsync(sql);
        return string.Join('\n', batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i))));
    }
}
