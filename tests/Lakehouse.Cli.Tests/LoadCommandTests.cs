using System.Text.Json;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary>
/// <c>lakehouse load</c>: CSV, JSON-lines and Parquet inputs converted to the table's types and appended in one
/// snapshot; read back by us (<c>iceberg cat</c>) and the data files by DuckDB; bad values name file, row and column
/// and leave the table unchanged.
/// </summary>
public sealed class LoadCommandTests : IDisposable
{
    private readonly string _directory = RepoPaths.NewTempDirectory("cli-load");

    private string Warehouse => Path.Combine(_directory, "warehouse");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run([.. args, "--warehouse", Warehouse]);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string[] Cat(string table) =>
        CliRunner.Run("iceberg", "cat", Path.Combine(Warehouse, table.Replace('.', '/')), "--format", "csv").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private void CreateEvents() =>
        Assert.Equal(0, Run("table", "create", "db.ev", "-s", "id long not null, name string, ts timestamptz, amount decimal(10,2), tags list<string>, ok boolean, attrs map<string, int>, loc struct<lat: double, lon: double>", "-p", "day(ts)").ExitCode);

    [Fact]
    public void CsvAndJsonLinesAreConvertedAndAppendedInOneSnapshot()
    {
        CreateEvents();
        var csv = Write("a.csv", "ID,name,ts,amount,tags,ok\n1,ana,2024-05-01T10:00:00Z,12.5,\"[\"\"a\"\",\"\"b\"\"]\",true\n2,\"bo, \"\"jr\"\"\",2024-05-02 11:00:00+02:00,3,,false\r\n3,\"\",2024-05-02T00:00:00Z,,[],\n");
        var jsonl = Write("b.jsonl", "{\"id\": 4, \"name\": \"cy\", \"ts\": \"2024-05-03T01:02:03.5Z\", \"amount\": 1.25, \"tags\": [\"x\", null], \"ok\": true, \"attrs\": {\"k\": 7}, \"loc\": {\"lat\": 1.5, \"lon\": -2}}\n\n{\"id\": 5}\n");
        var load = Run("load", "db.ev", csv, jsonl);
        Assert.True(load.ExitCode == 0, load.Stderr);
        Assert.Matches(@"^loaded 5 rows from 2 file\(s\) into db\.ev: snapshot \d+, 4 data file\(s\)\n$", load.Stdout);

        Assert.Equal(
            [
                "id,name,ts,amount,tags,ok,attrs,loc",
                "1,ana,2024-05-01T10:00:00.000000Z,12.50,\"[\"\"a\"\",\"\"b\"\"]\",true,,",
                "2,\"bo, \"\"jr\"\"\",2024-05-02T09:00:00.000000Z,3.00,,false,,",
                "3,\"\",2024-05-02T00:00:00.000000Z,,[],,,",
                "4,cy,2024-05-03T01:02:03.500000Z,1.25,\"[\"\"x\"\",null]\",true,\"[{\"\"key\"\":\"\"k\"\",\"\"value\"\":7}]\",\"{\"\"lat\"\":1.5,\"\"lon\"\":-2}\"",
                "5,,,,,,,",
            ],
            Cat("db.ev").Take(1).Concat(Cat("db.ev").Skip(1).Order(StringComparer.Ordinal)));

        // DuckDB reads the data files we wrote.
        var glob = Path.Combine(Warehouse, "db", "ev", "data", "**", "*.parquet");
        var duck = NodeOracle.Run("parquet-duckdb.mjs", "sql", $"SELECT count(*), sum(id), string_agg(name, '|' ORDER BY id), sum(amount) FROM read_parquet('{glob}')");
        using var doc = JsonDocument.Parse(duck);
        Assert.Equal("[\"5\",\"15\",\"ana|bo, \\\"jr\\\"||cy\",\"D:1675/2\"]", doc.RootElement.GetProperty("rows")[0].GetRawText());
    }

    [Fact]
    public void ParquetColumnsAreMatchedByNameAndWidened()
    {
        Assert.Equal(0, Run("table", "create", "db.p", "-s", "id long not null, ts timestamptz, score double, day date, label string, extra string").ExitCode);
        var parquet = Path.Combine(_directory, "in.parquet");
        NodeOracle.Run("parquet-duckdb.mjs", "exec",
            $"COPY (SELECT i::INT AS ID, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) HOUR AS ts, i::FLOAT / 2 AS score, '2024-02-0' || i AS day, 'n' || i AS label FROM range(1, 4) t(i)) TO '{parquet}' (FORMAT parquet)");
        var load = Run("load", "db.p", parquet);
        Assert.True(load.ExitCode == 0, load.Stderr);
        Assert.Equal(
            [
                "id,ts,score,day,label,extra",
                "1,2024-01-01T01:00:00.000000Z,0.5,2024-02-01,n1,",
                "2,2024-01-01T02:00:00.000000Z,1,2024-02-02,n2,",
                "3,2024-01-01T03:00:00.000000Z,1.5,2024-02-03,n3,",
            ],
            Cat("db.p"));
    }

    [Fact]
    public void BadValuesNameFileRowAndColumnAndCommitNothing()
    {
        CreateEvents();
        var good = Write("good.csv", "id,name\n1,a\n");
        var cases = new (string File, string Content, string Error)[]
        {
            ("bad.csv", "id,name\n7,x\nzz,y\n", "bad.csv:3: column 'id' cannot read 'zz' as long (a whole number)"),
            ("bad.jsonl", "{\"id\": 1, \"amount\": \"12.345\"}\n", "bad.jsonl:1: column 'amount' cannot read '12.345' as decimal(10,2) (a number with at most 2 decimals that fits 10 digits)"),
            ("null.jsonl", "{\"id\": 1}\n{\"name\": \"x\"}\n", "null.jsonl:2: column 'id' is required but the value is missing or null"),
            ("cols.csv", "id,nope\n1,2\n", "cols.csv: column 'nope' is not a column of the table (columns: id, name, ts, amount, tags, ok, attrs, loc)"),
            ("missing.csv", "name\nx\n", "missing.csv: column 'id' is required by the table but missing from the file"),
            ("fields.csv", "id,name\n1,a,b\n", "fields.csv:2: has 3 fields, the header has 2"),
            ("json.jsonl", "{\"id\": 1,\n", "json.jsonl:1: is not valid JSON"),
            ("ts.csv", "id,ts\n1,yesterday\n", "ts.csv:2: column 'ts' cannot read 'yesterday' as timestamptz"),
            ("nested.jsonl", "{\"id\": 1, \"loc\": {\"lat\": 1, \"alt\": 2}}\n", "nested.jsonl:1: column 'loc' struct field 'alt' is not in struct<"),
        };
        foreach (var (file, content, error) in cases)
        {
            var path = Write(file, content);
            var result = Run("load", "db.ev", good, path);
            Assert.Equal(1, result.ExitCode);
            Assert.StartsWith($"lakehouse: error: load {path[..^file.Length]}{error}", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        // Nothing was committed and no data file was left behind.
        Assert.Contains("snapshots: 0", Run("table", "describe", "db.ev").Stdout, StringComparison.Ordinal);
        var data = Path.Combine(Warehouse, "db", "ev", "data");
        Assert.True(!Directory.Exists(data) || Directory.GetFiles(data, "*.parquet", SearchOption.AllDirectories).Length == 0);

        Assert.Equal(2, Run("load", "db.ev", Write("x.bin", "")).ExitCode);
        Assert.Equal(1, Run("load", "db.ev", Path.Combine(_directory, "absent.csv")).ExitCode);
        Assert.Equal(1, Run("load", "db.none", good).ExitCode);
    }

    [Fact]
    public async Task ConcurrentLoadsAllLand()
    {
        Assert.Equal(0, Run("table", "create", "db.c", "-s", "id long not null, writer int").ExitCode);
        const int writers = 4;
        const int loadsEach = 5;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < loadsEach; i++)
            {
                var file = Write($"w{w}-{i}.csv", $"id,writer\n{(w * 100) + i},{w}\n");
                var result = Run("load", "db.c", file);
                Assert.True(result.ExitCode == 0, result.Stderr);
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var rows = Cat("db.c").Skip(1).Order(StringComparer.Ordinal).ToList();
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, loadsEach).Select(i => $"{(w * 100) + i},{w}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows);
        Assert.Contains($"snapshots: {writers * loadsEach}", Run("table", "describe", "db.c").Stdout, StringComparison.Ordinal);
    }
}
