using System.Text.Json;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary><c>lakehouse table create|list|describe|drop</c> and <c>lakehouse maintenance</c> on a temporary warehouse.</summary>
public sealed class TableCommandTests : IDisposable
{
    private readonly string _warehouse = RepoPaths.NewTempDirectory("cli-warehouse");

    public void Dispose() => Directory.Delete(_warehouse, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run([.. args, "--warehouse", _warehouse]);

    [Fact]
    public async Task CreateListDescribeDrop()
    {
        var created = Run("table", "create", "gold.kpi.events",
            "--schema", "id bigint not null, name string, ts timestamptz, tags list<string>, attrs map<string, long>, loc struct<lat: double, lon: double>, amount decimal(10, 2)",
            "--partition-by", "day(ts), bucket(16, id)",
            "--sort-by", "ts desc, id",
            "--property", "commit.retry.num-retries=7");
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal($"created table gold.kpi.events at {_warehouse}/gold/kpi/events\n", created.Stdout);

        // The catalog other engines read names the table; its metadata has the schema, spec and order asked for.
        await using (var catalog = CatalogFactory.Open(_warehouse))
        {
            var table = await catalog.LoadTableAsync(TableIdentifier.Parse("gold.kpi.events"));
            var m = table.Metadata;
            Assert.Equal(2, m.FormatVersion);
            Assert.Equal(
                ["id", "name", "ts", "tags", "attrs", "loc", "amount"],
                m.CurrentSchema.Fields.Select(f => f.Name));
            Assert.True(m.CurrentSchema.Fields[0].IsRequired);
            Assert.Equal(PrimitiveType.Long, m.CurrentSchema.Fields[0].Type);
            Assert.Equal(PrimitiveType.Decimal(10, 2), m.CurrentSchema.Fields[6].Type);
            Assert.IsType<MapType>(m.CurrentSchema.Fields[4].Type);
            var spec = m.PartitionSpecs.Single(s => s.SpecId == m.DefaultSpecId);
            Assert.Equal(["ts_day", "id_bucket"], spec.Fields.Select(f => f.Name));
            Assert.Equal(Transform.Bucket(16), spec.Fields[1].Transform);
            var order = m.SortOrders.Single(o => o.OrderId == m.DefaultSortOrderId);
            Assert.Equal(2, order.Fields.Count);
            Assert.Equal("7", m.Properties["commit.retry.num-retries"]);
        }

        Assert.Equal(0, Run("table", "create", "events", "-s", "x int").ExitCode);
        var list = Run("table", "list", "--format", "jsonl");
        Assert.Equal(0, list.ExitCode);
        var rows = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["default.events", "gold.kpi.events"], rows.Select(r => $"{r.GetProperty("namespace").GetString()}.{r.GetProperty("table").GetString()}"));
        Assert.All(rows, r => Assert.EndsWith(".metadata.json", r.GetProperty("metadata_location").GetString(), StringComparison.Ordinal));
        Assert.Single(Run("table", "list", "gold.kpi", "-f", "jsonl").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var describe = Run("table", "describe", "gold.kpi.events");
        Assert.Equal(0, describe.ExitCode);
        Assert.StartsWith("table: gold.kpi.events\nmetadata: ", describe.Stdout, StringComparison.Ordinal);
        Assert.Contains("1000: ts_day = day(3)", describe.Stdout, StringComparison.Ordinal);
        Assert.Contains("snapshots: 0", describe.Stdout, StringComparison.Ordinal);

        var drop = Run("table", "drop", "default.events", "--purge");
        Assert.Equal(0, drop.ExitCode);
        Assert.Contains("deleted 1 files", drop.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_warehouse, "default", "events"), "*", SearchOption.AllDirectories));
        Assert.Equal(0, Run("table", "drop", "gold.kpi.events").ExitCode);
        Assert.True(Directory.GetFiles(Path.Combine(_warehouse, "gold", "kpi", "events", "metadata")).Length == 1, "drop without --purge keeps the files");
        Assert.Equal(string.Empty, Run("table", "list", "-f", "csv").Stdout.Split('\n', 2)[1]);
    }

    [Fact]
    public void ErrorsAreOneLineWithTheRightExitCode()
    {
        var badType = Run("table", "create", "t", "-s", "x wat");
        Assert.Equal((2, "lakehouse: error: column 'x': unknown type 'wat' (unknown Iceberg type 'wat')\n"), (badType.ExitCode, badType.Stderr));

        var badPartition = Run("table", "create", "t", "-s", "x string", "-p", "day(x)");
        Assert.Equal(2, badPartition.ExitCode);
        Assert.Contains("cannot partition column 'x'", badPartition.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("table", "create", "t", "-s", "x int", "-p", "y").ExitCode);

        Assert.Equal(0, Run("table", "create", "t", "-s", "x int").ExitCode);
        var again = Run("table", "create", "t", "-s", "x int");
        Assert.Equal((1, "lakehouse: error: table already exists: default.t\n"), (again.ExitCode, again.Stderr));
        Assert.Equal(0, Run("table", "create", "t", "-s", "x int", "--if-not-exists").ExitCode);

        var missing = Run("table", "describe", "nope");
        Assert.Equal((1, "lakehouse: error: table does not exist: default.nope\n"), (missing.ExitCode, missing.Stderr));
        Assert.Equal(1, Run("table", "drop", "nope").ExitCode);
        Assert.Equal(0, Run("table", "drop", "nope", "--if-exists").ExitCode);
        Assert.Equal(1, Run("maintenance", "expire-snapshots", "nope").ExitCode);

        var badCatalog = CliRunner.Run("table", "list", "--catalog", "mysql://x/y");
        Assert.Equal(1, badCatalog.ExitCode);
        Assert.Contains("unknown catalog URI 'mysql://x/y'", badCatalog.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogAndNameOptionsSelectTheCatalog()
    {
        var db = Path.Combine(_warehouse, "elsewhere", "c.db");
        Assert.Equal(0, Run("table", "create", "a.t", "-s", "x int", "--catalog", "sqlite:" + db, "--catalog-name", "other").ExitCode);
        Assert.True(File.Exists(db));
        Assert.Equal(string.Empty, Run("table", "list", "-f", "csv").Stdout.Split('\n', 2)[1]);
        Assert.Equal(string.Empty, Run("table", "list", "-f", "csv", "--catalog", "sqlite:" + db).Stdout.Split('\n', 2)[1]);
        Assert.Contains("a,t,", Run("table", "list", "-f", "csv", "--catalog", "sqlite:" + db, "--catalog-name", "other").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveOrphansListsThenDeletesUnreferencedFiles()
    {
        Assert.Equal(0, Run("table", "create", "db.t", "-s", "x int").ExitCode);
        var stray = Path.Combine(_warehouse, "db", "t", "data", "stray.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllBytes(stray, [1, 2, 3]);
        File.SetLastWriteTimeUtc(stray, DateTime.UtcNow.AddDays(-10));
        var fresh = Path.Combine(_warehouse, "db", "t", "data", "in-flight.parquet");
        File.WriteAllBytes(fresh, [1]);

        var dry = Run("maintenance", "remove-orphans", "db.t", "--dry-run");
        Assert.Equal((0, stray + "\n", "1 orphan files (dry run: none deleted)\n"), dry);
        Assert.True(File.Exists(stray));

        var real = Run("maintenance", "remove-orphans", "db.t", "--older-than", "1h");
        Assert.Equal((0, stray + "\n"), (real.ExitCode, real.Stdout));
        Assert.False(File.Exists(stray));
        Assert.True(File.Exists(fresh), "files younger than --older-than are kept");
        Assert.Single(Directory.GetFiles(Path.Combine(_warehouse, "db", "t", "metadata")));

        var expire = Run("maintenance", "expire-snapshots", "db.t", "--older-than", "0s", "--retain-last", "1");
        Assert.Equal(0, expire.ExitCode);
        Assert.StartsWith("expired snapshots: 0\n", expire.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, Run("maintenance", "expire-snapshots", "db.t", "--older-than", "yesterday").ExitCode);
    }
}
