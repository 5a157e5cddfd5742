using System.Text.Json;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>
/// COPY … TO writes files that an independent reader (DuckDB's read_parquet/read_csv/read_json via
/// tests/interop/copy-read.mjs) reads back as the same multiset of rows.
/// </summary>
public sealed class CopyTests : IDisposable
{
    // Strings with every character CSV and JSON must escape: delimiter, quotes, CR/LF, backslash, control and non-ASCII.
    private const string Rows = """
        SELECT x AS id,
               CASE x % 7 WHEN 0 THEN NULL WHEN 1 THEN 'a,b' WHEN 2 THEN 'say "hi"' WHEN 3 THEN 'line1' || chr(10) || 'line2' || chr(13)
                          WHEN 4 THEN 'back\slash' || chr(1) || chr(9) WHEN 5 THEN '' ELSE 'héllo ☃ ' || CAST(x AS varchar) END AS s,
               CAST(x AS double) / 4 AS d,
               x % 2 = 0 AS b,
               date_add('day', x, DATE '2024-01-01') AS dt,
               CASE WHEN x % 5 = 0 THEN NULL ELSE date_add('minute', x, TIMESTAMP '2024-03-01 10:00:00') END AS ts,
               CAST(x AS decimal(10, 2)) / 4 AS dec
        FROM UNNEST(sequence(1, 300)) AS u(x)
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lakehouse-copy-" + Guid.NewGuid().ToString("N"));

    public CopyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData("parquet", "out.parquet", "", "id, s, d, b, dt, ts, dec")]
    [InlineData("parquet", "out.zst.parquet", " WITH (compression = 'zstd')", "id, s, d, b, dt, ts, dec")]
    [InlineData("csv", "out.csv", "", "id, s, d, b, dt, ts, dec")]
    [InlineData("csv", "out.txt", " (FORMAT csv, HEADER true)", "id, s, d, b, dt, ts, dec")]
    [InlineData("json", "out.jsonl", "", "id, s, d, b, dt, ts")]
    public async Task IndependentReaderSeesTheSameRows(string format, string file, string options, string columns)
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 64 }).CreateSession();
        var path = Path.Combine(_dir, file).Replace('\\', '/');
        await using (var result = await session.ExecuteAsync($"COPY (SELECT {columns} FROM ({Rows})) TO '{path}'{options}"))
        {
            Assert.Equal(300, result.UpdateCount);
        }

        var names = columns.Split(", ");
        var ours = await TextRowsAsync(session, $"SELECT {string.Join(", ", names.Select(n => $"CAST({n} AS varchar)"))} FROM ({Rows})");
        var output = NodeOracle.Run("copy-read.mjs", format, path);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(names, doc.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var theirs = doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => string.Join("|", r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "NULL" : v.GetString())))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ours, theirs);
    }

    [Fact]
    public async Task CopyOfATableAndErrors()
    {
        var session = new SqlEngine().CreateSession();
        var path = Path.Combine(_dir, "v.csv").Replace('\\', '/');
        await using (var result = await session.ExecuteAsync($"COPY (VALUES (1, 'x'), (2, NULL)) TO '{path}' WITH (header = false, delimiter = ';')"))
        {
            Assert.Equal(2, result.UpdateCount);
        }

        Assert.Equal("1;x\n2;\n", await File.ReadAllTextAsync(path));
        var json = Path.Combine(_dir, "v.jsonl").Replace('\\', '/');
        await (await session.ExecuteAsync($"COPY (SELECT 1 AS a, 'q\"' AS b, CAST(nan() AS double) AS c, NULL AS d, true AS e) TO '{json}'")).DisposeAsync();
        Assert.Equal("{\"a\":1,\"b\":\"q\\\"\",\"c\":\"NaN\",\"d\":null,\"e\":true}\n", await File.ReadAllTextAsync(json));
        await Assert.ThrowsAsync<SqlException>(() => session.ExecuteAsync($"COPY (SELECT 1) TO '{_dir}/x.unknown'"));
        await Assert.ThrowsAsync<SqlException>(() => session.ExecuteAsync($"COPY (SELECT 1) TO '{_dir}/x.csv' WITH (colour = 'red')"));
        await Assert.ThrowsAsync<SqlException>(() => session.ExecuteAsync($"COPY (SELECT 1) TO '{_dir}/missing/x.csv'"));
        Assert.False(File.Exists(Path.Combine(_dir, "x.csv")));
    }

    private static async Task<List<string>> TextRowsAsync(SqlSession session, string sql)
    {
        var rows = new List<string>();
        foreach (var batch in await session.QueryAsync(sql))
        {
            for (var r = 0; r < batch.Length; r++)
            {
                rows.Add(string.Join("|", Enumerable.Range(0, batch.ColumnCount).Select(c => batch.Column(c) switch
                {
                    BinaryArray b => b.GetString(r),
                    BinaryViewArray v => v.GetString(r),
                    var other => throw new InvalidOperationException(other.GetType().Name),
                } ?? "NULL")));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
