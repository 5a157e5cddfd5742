using Lakehouse.Sql.Tests.Functions;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>COPY … TO Parquet, CSV and JSON lines, each file read back by DuckDB (an independent reader).</summary>
public sealed class CopyTests : IDisposable
{
    // Quotes, delimiters, a line break, a leading space, empty vs NULL strings, extreme doubles, dates before 1970,
    // microsecond timestamps, booleans and arrays with NULL elements.
    private const string Source = """
        SELECT * FROM (VALUES
          (1, 'plain', 1.50, 0.25, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123456', true, ARRAY['a', 'b']),
          (2, 'com,ma "q"', -2.00, -1e300, NULL, NULL, false, CAST(ARRAY[] AS array(varchar))),
          (3, '', NULL, NULL, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59', NULL, NULL),
          (4, NULL, 0.01, 3.0, NULL, NULL, NULL, ARRAY[CAST(NULL AS varchar)]),
          (5, ' lead' || chr(10) || 'line', 99999999.99, 1.0E-7, NULL, NULL, true, ARRAY['é'])
        ) AS t(id, name, amount, ratio, d, ts, flag, tags)
        """;

    private const string Rendering = "coalesce(name, '<null>') || '/' || coalesce(CAST(amount AS VARCHAR), 'N') || '/' || coalesce(CAST(ratio AS VARCHAR), 'N') || '/' || coalesce(CAST(d AS VARCHAR), 'N') || '/' || coalesce(CAST(ts AS VARCHAR), 'N') || '/' || coalesce(CAST(flag AS VARCHAR), 'N')";

    private readonly string _dir = RepoPaths.NewTempDirectory("sql-copy");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task ParquetCsvAndJsonLinesReadBackInDuckDb()
    {
        var session = new SqlEngine().CreateSession();
        foreach (var file in new[] { "out.parquet", "out.csv", "out.jsonl" })
        {
            await using var result = await session.ExecuteAsync($"COPY ({Source}) TO '{Path.Combine(_dir, file)}'");
            Assert.Equal(5, result.UpdateCount);
        }

        var results = DuckDbEval.Evaluate(
        [
            $"(SELECT string_agg({Rendering} || '/' || coalesce(CAST(tags AS VARCHAR), 'N'), '|' ORDER BY id) FROM read_parquet('{Path.Combine(_dir, "out.parquet")}'))",
            $"(SELECT string_agg({Rendering}, '|' ORDER BY id) FROM read_csv('{Path.Combine(_dir, "out.csv")}', header = true))",
            $"(SELECT string_agg({Rendering} || '/' || coalesce(CAST(tags AS VARCHAR), 'N'), '|' ORDER BY id) FROM read_json('{Path.Combine(_dir, "out.jsonl")}', format = 'newline_delimited'))",
            $"(SELECT string_agg(name, '|' ORDER BY id) FROM read_csv('{Path.Combine(_dir, "out.csv")}', header = true, allow_quoted_nulls = false))",
        ]);
        Skip.If(results.Count == 0, "DuckDB oracle unavailable");
        Assert.Equal("plain/1.50/0.25/2024-01-02/2024-01-02 03:04:05.123456/true/[a, b]|com,ma \"q\"/-2.00/-1e+300/N/N/false/[]|/N/N/1969-12-31/1969-12-31 23:59:59/N/N|<null>/0.01/3.0/N/N/N/[NULL]| lead\nline/99999999.99/1e-07/N/N/true/[é]", results[0].Value);
        Assert.Equal("plain/1.5/0.25/2024-01-02/2024-01-02 03:04:05.123456/true|com,ma \"q\"/-2.0/-1e+300/N/N/false|<null>/N/N/1969-12-31/1969-12-31 23:59:59/N|<null>/0.01/3.0/N/N/N| lead\nline/99999999.99/1e-07/N/N/true", results[1].Value);
        Assert.Equal("plain/1.5/0.25/2024-01-02/2024-01-02 03:04:05.123456/true/[a, b]|com,ma \"q\"/-2.0/-1e+300/N/N/false/[]|/N/N/1969-12-31/1969-12-31 23:59:59/N/N|<null>/0.01/3.0/N/N/N/[NULL]| lead\nline/99999999.99/1e-07/N/N/true/[é]", results[2].Value);

        // Read with quoted empties kept apart from NULLs, the CSV shows '' (row 3) and NULL (row 4) differently.
        Assert.Equal("plain|com,ma \"q\"|| lead\nline", results[3].Value);
    }

    [Fact]
    public async Task OptionsPickFormatHeaderAndDelimiter()
    {
        var session = new SqlEngine().CreateSession();
        var target = Path.Combine(_dir, "data.txt");
        await using (var result = await session.ExecuteAsync($"COPY (SELECT 1 AS a, 'x;y' AS b) TO '{target}' (FORMAT csv, HEADER false, DELIMITER ';')"))
        {
            Assert.Equal(1, result.UpdateCount);
        }

        Assert.Equal("1;\"x;y\"\n", await File.ReadAllTextAsync(target));
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO '{0}/x.bin'", "cannot tell the format")]
    [InlineData("COPY (SELECT 1) TO '{0}/x.csv' (FORMAT xml)", "format \"xml\" is not supported")]
    [InlineData("COPY (SELECT 1) TO '{0}/x.csv' (COLOUR red)", "unknown COPY option \"colour\"")]
    [InlineData("COPY (SELECT 1) TO '{0}/x.csv' (DELIMITER ';;')", "delimiter must be one character")]
    [InlineData("COPY (SELECT 1) TO '{0}/missing/x.csv'", "does not exist")]
    public async Task BadTargetsAndOptionsFailClearly(string sql, string message)
    {
        var session = new SqlEngine().CreateSession();
        var e = await Assert.ThrowsAsync<SqlException>(async () => await (await session.ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, _dir))).DisposeAsync());
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("out.parquet")]
    [InlineData("out.csv")]
    [InlineData("out.jsonl")]
    public async Task AFailingQueryLeavesNoFile(string file)
    {
        var session = new SqlEngine(new SqlEngineOptions { BatchSize = 2 }).CreateSession();
        var target = Path.Combine(_dir, file);
        var e = await Assert.ThrowsAsync<SqlException>(async () => await (await session.ExecuteAsync($"COPY (SELECT 10 / (3 - x) AS v FROM (VALUES (1), (2), (3), (4)) AS t(x)) TO '{target}'")).DisposeAsync());
        Assert.Contains("Division by zero", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }
}
