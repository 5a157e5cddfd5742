using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Tests.Logic;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>
/// Morsel-driven parallelism: every query gives the same row multiset with 4 workers as with one (the serial engine
/// is the reference; its results are checked against DuckDB by the logic and differential tests). The table has 12
/// data files (12 morsels), so four workers really run; EXPLAIN ANALYZE proves it.
/// </summary>
public sealed class ParallelExecutionTests : IClassFixture<ParallelExecutionTests.Warehouse>
{
    private readonly Warehouse _warehouse;

    public ParallelExecutionTests(Warehouse warehouse) => _warehouse = warehouse;

    public static TheoryData<string> Queries() => new()
    {
        "SELECT count(*), sum(id), sum(k), avg(v), min(s), max(s), count(k), count_if(v > 10), bool_and(id > 0), bool_or(k = 3), stddev(v), variance(v), min_by(v, id), max_by(s, id), approx_distinct(s) FROM ev",
        "SELECT k, count(*), sum(v), max(s), min(id) FROM ev GROUP BY k",
        "SELECT s, count(*), avg(k), arbitrary(s) FROM ev GROUP BY s",
        "SELECT k, s, count(*), sum(id) FROM ev WHERE v > 3 GROUP BY k, s",
        "SELECT k % 3, cardinality(array_agg(id)), length(string_agg(s, ',')) FROM ev GROUP BY 1",
        "SELECT d.name, count(*), sum(e.v) FROM ev e JOIN dim d ON e.k = d.k GROUP BY d.name",
        "SELECT e.id, d.name FROM ev e LEFT JOIN dim d ON e.k = d.k WHERE e.id % 50 = 0",
        "SELECT e.id, d.name FROM ev e JOIN dim d ON e.s = d.name",
        "SELECT count(*) FROM ev WHERE k IN (SELECT k FROM dim WHERE name LIKE 'u1%')",
        "SELECT count(*) FROM ev WHERE k NOT IN (SELECT k FROM dim)",
        "SELECT count(*), sum(id) FROM ev e WHERE EXISTS (SELECT 1 FROM dim d WHERE d.k = e.k)",
        "SELECT e.id, d.k FROM ev e CROSS JOIN dim d WHERE e.id % 199 = 0 AND d.k < 3",
        "SELECT tag, count(*) FROM ev CROSS JOIN UNNEST(tags) AS t(tag) GROUP BY tag",
        "SELECT id, v FROM ev ORDER BY v DESC, id LIMIT 10",
        "SELECT id, row_number() OVER (PARTITION BY k ORDER BY id) FROM ev WHERE id % 100 = 1",
        "SELECT count(DISTINCT s), count(DISTINCT k), sum(DISTINCT k) FROM ev",
        "SELECT k, count(*) FROM ev WHERE k < 5 GROUP BY ROLLUP(k)",
        "SELECT DISTINCT k FROM ev",
        "SELECT id FROM ev WHERE id % 97 = 0 UNION ALL SELECT id FROM ev WHERE id % 89 = 0",
        "SELECT id FROM ev WHERE id % 97 = 0 INTERSECT SELECT id FROM ev WHERE id % 2 = 0",
        "SELECT k, (SELECT max(id) FROM ev) FROM dim",
        "SELECT count(*), sum(k) FROM ev WHERE k = 7 OR s = 'u5'",
        "SELECT sum(v) FROM ev WHERE id > 100000",
        "SELECT count(*), max(id), sum(likes) FROM read_parquet('{files}')",
        "SELECT k, count(*) FROM read_parquet('{files}') WHERE s LIKE 'u2%' GROUP BY k",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FourWorkersGiveTheSerialResult(string query)
    {
        var sql = query.Replace("{files}", _warehouse.FilesGlob, StringComparison.Ordinal);
        var serial = await Rows(_warehouse.Session(1), sql);
        var parallel = await Rows(_warehouse.Session(4), sql);
        Assert.NotEmpty(serial);
        Assert.Equal(string.Join('\n', serial), string.Join('\n', parallel));
    }

    [Fact]
    public async Task ExplainAnalyzeShowsTheWorkersAndCountsEveryRow()
    {
        var text = await Text(_warehouse.Session(4), "EXPLAIN ANALYZE SELECT k, count(*) FROM ev GROUP BY k");
        Assert.Contains("workers=4", text);
        Assert.Contains($"rows={Warehouse.Files * Warehouse.RowsPerFile} ", text);
        Assert.DoesNotContain("workers=", await Text(_warehouse.Session(1), "EXPLAIN ANALYZE SELECT k, count(*) FROM ev GROUP BY k"));
    }

    [Fact]
    public async Task ALimitStopsTheWorkers()
    {
        var rows = await Rows(_warehouse.Session(4), "SELECT id, s FROM ev WHERE v >= 0 LIMIT 7");
        Assert.Equal(7, rows.Count);
    }

    [Theory]
    [InlineData("SELECT sum(1 / (k - k)) FROM ev")]
    [InlineData("SELECT k, sum(1 / (k - k)) FROM ev GROUP BY k")]
    [InlineData("SELECT id / (k - k) FROM ev")]
    public async Task AnErrorInAWorkerFailsTheQueryWithTheSerialMessage(string sql)
    {
        var serial = await Assert.ThrowsAsync<SqlException>(() => Rows(_warehouse.Session(1), sql));
        var parallel = await Assert.ThrowsAsync<SqlException>(() => Rows(_warehouse.Session(4), sql));
        Assert.Equal(serial.Message, parallel.Message);
    }

    [Fact]
    public async Task TheMemoryLimitHoldsAcrossWorkers()
    {
        var session = _warehouse.Session(4, memoryLimitBytes: 64 * 1024);
        var e = await Assert.ThrowsAsync<SqlException>(() => Rows(session, "SELECT id, count(*) FROM ev GROUP BY id"));
        Assert.Contains("memory limit", e.Message);
    }

    [Fact]
    public async Task CancellationStopsAParallelQuery()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _warehouse.Session(4).QueryAsync("SELECT k, count(*) FROM ev GROUP BY k", cancellationToken: cts.Token));
    }

    private static async Task<List<string>> Rows(SqlSession session, string sql)
    {
        var rows = ValueFormatter.Rows(await session.QueryAsync(sql)).Select(r => string.Join(" | ", r)).ToList();
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<string> Text(SqlSession session, string sql)
    {
        var batches = await session.QueryAsync(sql);
        return string.Join('\n', batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i))));
    }

    /// <summary>An Iceberg table of 12 data files (one per INSERT) plus a dimension, in a temporary warehouse.</summary>
    public sealed class Warehouse : IAsyncLifetime
    {
        public const int Files = 12;
        public const int RowsPerFile = 1000;

        private readonly string _root = Path.Combine(Path.GetTempPath(), "lakehouse-parallel-" + Guid.NewGuid().ToString("N"));
        private Lakehouse.Table.Catalog.Sql.SqlCatalog? _catalog;

        public string FilesGlob { get; private set; } = string.Empty;

        public SqlSession Session(int degreeOfParallelism, long? memoryLimitBytes = null) =>
            new SqlEngine(new SqlEngineOptions { Catalog = _catalog, BatchSize = 64, DegreeOfParallelism = degreeOfParallelism, MemoryLimitBytes = memoryLimitBytes }).CreateSession();

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_root);
            _catalog = Lakehouse.Table.Catalog.CatalogFactory.Open(_root);
            var session = Session(1);
            await session.QueryAsync("CREATE TABLE ev (id bigint, k integer, s varchar, v double, likes integer, tags array(varchar))");
            for (var p = 0; p < Files; p++)
            {
                await session.QueryAsync($"""
                    INSERT INTO ev
                    SELECT {p} * 1000 + i,
                           CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 7 + {p}) % 50 END,
                           CASE WHEN i % 13 = 0 THEN NULL ELSE 'u' || CAST((i * 31 + {p}) % 97 AS varchar) END,
                           CAST(i AS double) / 7.0,
                           (i * 3 + {p}) % 101,
                           ARRAY['a' || CAST(i % 5 AS varchar), 'b']
                    FROM (SELECT a.x * 100 + b.x * 10 + c.x AS i
                          FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) a(x),
                               (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) b(x),
                               (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9) c(x)) n
                    """);
            }

            await session.QueryAsync("CREATE TABLE dim (k integer, name varchar)");
            await session.QueryAsync("INSERT INTO dim SELECT x * 2, 'u' || CAST(x * 3 AS varchar) FROM (VALUES 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20) t(x)");
            await session.QueryAsync("INSERT INTO dim VALUES (NULL, 'none')");
            var files = ValueFormatter.Rows(await session.QueryAsync("SELECT file_path FROM \"ev$files\""));
            Assert.Equal(Files, files.Count);
            var first = new Uri(files[0][0], UriKind.RelativeOrAbsolute);
            var path = first.IsAbsoluteUri && first.IsFile ? first.LocalPath : files[0][0];
            FilesGlob = Path.Combine(Path.GetDirectoryName(path)!, "*.parquet");
        }

        public async Task DisposeAsync()
        {
            if (_catalog is not null)
            {
                await _catalog.DisposeAsync();
            }

            Directory.Delete(_root, recursive: true);
        }
    }
}
