using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Tests.Functions;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>read_csv and read_json: type inference, RFC 4180 quoting, NULL vs empty, errors with file and line; checked against DuckDB's readers.</summary>
public sealed class TextSourceTests : IDisposable
{
    private const string Csv = "id,name,score,day,stamp,ok\r\n"
        + "1,plain,1.5,2024-01-02,2024-01-02 03:04:05,true\r\n"
        + "2,\"com,ma \"\"q\"\"\",-2,2024-02-29,2024-02-29 23:59:59.5,false\r\n"
        + "3,\"\",,,,\r\n"
        + "4,,0.25,1969-12-31,1969-12-31 00:00:00,TRUE\r\n"
        + "5,\"two\nlines\",1e3,2000-01-01,2000-01-01 12:00:00,false\r\n";

    private const string Json = """
        {"id": 1, "name": "plain", "score": 1.5, "day": "2024-01-02", "tags": ["a", "b"], "meta": {"k": 1}}
        {"id": 2, "name": "com,ma \"q\"", "score": -2, "day": "2024-02-29", "tags": [], "meta": null}

        {"id": 3, "name": "", "tags": null, "extra": true}
        {"id": 4, "name": null, "score": 0.25, "day": "1969-12-31", "tags": ["é", null]}
        """;

    private const string Rendering = "CAST(id AS varchar) || '/' || coalesce(name, '<null>') || '/' || coalesce(CAST(score AS varchar), 'N') || '/' || coalesce(CAST(day AS varchar), 'N')";

    private readonly string _dir = RepoPaths.NewTempDirectory("sql-text");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task CsvAgreesWithDuckDb()
    {
        var path = Write("a.csv", Csv);
        var ours = await JoinedAsync($"SELECT {Rendering} || '/' || coalesce(CAST(stamp AS varchar), 'N') || '/' || coalesce(CAST(ok AS varchar), 'N') FROM read_csv('{path}') ORDER BY id");
        var duck = DuckDbEval.Evaluate([$"(SELECT string_agg({Rendering} || '/' || coalesce(strftime(stamp, '%Y-%m-%d %H:%M:%S.%f'), 'N') || '/' || coalesce(CAST(ok AS varchar), 'N'), '|' ORDER BY id) FROM read_csv('{path}', header = true, allow_quoted_nulls = false))"]);
        Skip.If(duck.Count == 0, "DuckDB oracle unavailable");
        Assert.Null(duck[0].Error);
        Assert.Equal(duck[0].Value, ours);
    }

    [SkippableFact]
    public async Task JsonAgreesWithDuckDb()
    {
        var path = Write("a.jsonl", Json);
        var ours = await JoinedAsync($"SELECT {Rendering} || '/' || coalesce(CAST(cardinality(tags) AS varchar), 'N') || '/' || coalesce(CAST(extra AS varchar), 'N') FROM read_json('{path}') ORDER BY id");
        var duck = DuckDbEval.Evaluate([$"(SELECT string_agg({Rendering} || '/' || coalesce(CAST(len(tags) AS varchar), 'N') || '/' || coalesce(CAST(extra AS varchar), 'N'), '|' ORDER BY id) FROM read_json('{path}', format = 'newline_delimited'))"]);
        Skip.If(duck.Count == 0, "DuckDB oracle unavailable");
        Assert.Null(duck[0].Error);
        Assert.Equal(duck[0].Value, ours);
        Assert.Equal("{\"k\": 1}", await ScalarAsync($"SELECT meta FROM read_json('{path}') WHERE id = 1"));
    }

    [Fact]
    public async Task CopyRoundTripsThroughCsvAndJson()
    {
        var session = new SqlEngine().CreateSession();
        const string source = "SELECT * FROM (VALUES (1, 'a,b', 2.5, DATE '2024-01-01'), (2, '', NULL, NULL), (3, NULL, -1.0, DATE '1970-01-01')) AS t(id, s, x, d)";
        foreach (var file in new[] { "r.csv", "r.jsonl" })
        {
            await (await session.ExecuteAsync($"COPY ({source}) TO '{Path.Combine(_dir, file)}'")).DisposeAsync();
        }

        var expected = await JoinedAsync($"SELECT CAST(id AS varchar) || '/' || coalesce(s, '<null>') || '/' || coalesce(CAST(CAST(x AS double) AS varchar), 'N') || '/' || coalesce(CAST(d AS varchar), 'N') FROM ({source}) ORDER BY id");
        foreach (var reader in new[] { $"read_csv('{Path.Combine(_dir, "r.csv")}')", $"read_json('{Path.Combine(_dir, "r.jsonl")}')" })
        {
            Assert.Equal(expected, await JoinedAsync($"SELECT CAST(id AS varchar) || '/' || coalesce(s, '<null>') || '/' || coalesce(CAST(x AS varchar), 'N') || '/' || coalesce(CAST(d AS varchar), 'N') FROM {reader} ORDER BY id"));
        }
    }

    [Theory]
    [InlineData("bad.csv", "a,b\n1,2\n3\n", "read_csv('{0}')", "line 3: 1 fields, expected 2")]
    [InlineData("late.csv", "a\n1\n2\nx\n", "read_csv('{0}', sample_size => 2)", "line 4 column \"a\": 'x' is not a bigint")]
    [InlineData("open.csv", "a\n\"never closed\n", "read_csv('{0}')", "line 2: a quoted field is not closed")]
    [InlineData("stray.csv", "a,b\n\"x\"y,1\n", "read_csv('{0}')", "unexpected 'y' after a closing quote")]
    [InlineData("bad.jsonl", "{\"a\": 1}\n{\"a\": \n", "read_json('{0}')", "line 2: invalid JSON")]
    [InlineData("arr.jsonl", "[1, 2]\n", "read_json('{0}')", "line 1: expected a JSON object")]
    [InlineData("type.jsonl", "{\"a\": 1}\n{\"a\": \"x\"}\n", "read_json('{0}', sample_size => 1)", "line 2 key \"a\": \"x\" is not a bigint")]
    [InlineData("opt.csv", "a\n1\n", "read_csv('{0}', colour => 'red')", "option \"colour\" is unknown")]
    public async Task MalformedInputFailsNamingFileAndLine(string file, string content, string source, string message)
    {
        var path = Write(file, content);
        var e = await Assert.ThrowsAsync<SqlException>(() => new SqlEngine().CreateSession().QueryAsync($"SELECT * FROM {string.Format(System.Globalization.CultureInfo.InvariantCulture, source, path)}"));
        Assert.Contains(message, e.Message);
        Assert.Contains(file.Contains("opt", StringComparison.Ordinal) ? "read_csv" : path, e.Message);
    }

    [Fact]
    public async Task AllVarcharHeaderlessAndDelimiterOptions()
    {
        var path = Write("semi.csv", "1;x\n2;y\n");
        Assert.Equal("1:x|2:y", await JoinedAsync($"SELECT column0 || ':' || column1 FROM read_csv('{path}', header => false, delim => ';', all_varchar => true) ORDER BY column0"));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path.Replace('\\', '/');
    }

    private static async Task<string?> ScalarAsync(string sql)
    {
        var batches = await new SqlEngine().CreateSession().QueryAsync(sql);
        return ((BinaryArray)batches.First(b => b.Length > 0).Column(0)).GetString(0);
    }

    /// <summary>The one varchar column of every row, joined with '|' (what DuckDB's string_agg(… ORDER BY …) gives).</summary>
    private static async Task<string> JoinedAsync(string sql)
    {
        var batches = await new SqlEngine().CreateSession().QueryAsync(sql);
        return string.Join('|', batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => ((BinaryArray)b.Column(0)).GetString(i))));
    }
}
