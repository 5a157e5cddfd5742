using System.Globalization;
using System.Text.Json;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Engine;

/// <summary>
/// The Iceberg metadata that CREATE TABLE … WITH (…) and ALTER TABLE write, checked in the table layer, and the
/// written table checked independently (avro-js reads the manifests, DuckDB reads the data files).
/// </summary>
public sealed class IcebergDdlTests : IDisposable
{
    private readonly string _warehouse = Path.Combine(Path.GetTempPath(), "lakehouse-sql-ddl-" + Guid.NewGuid().ToString("N"));

    public IcebergDdlTests() => Directory.CreateDirectory(_warehouse);

    public void Dispose() => Directory.Delete(_warehouse, recursive: true);

    private (SqlSession Session, ICatalog Catalog) Open()
    {
        var catalog = CatalogFactory.Open(_warehouse);
        return (new SqlEngine(new SqlEngineOptions { Catalog = catalog }).CreateSession(), catalog);
    }

    private static async Task<TableMetadata> LoadAsync(ICatalog catalog, string name) =>
        await new TableOperations(catalog, new TableIdentifier(Namespace.Parse("s"), name)).RefreshAsync();

    [Fact]
    public async Task PartitioningAndSortOrderBecomeTheTablesSpecAndOrder()
    {
        var (session, catalog) = Open();
        await (await session.ExecuteAsync("CREATE SCHEMA s")).DisposeAsync();
        await (await session.ExecuteAsync(
            "CREATE TABLE s.ev (id bigint, ts timestamp(6), platform varchar, s varchar) " +
            "WITH (partitioning = ARRAY['day(ts)', 'bucket(id, 16)', 'platform', 'truncate(s, 4)', '\"S\"'], " +
            "sorted_by = ARRAY['id DESC', 'platform ASC NULLS LAST'], format_version = 1, parquet_bloom_filter_columns = ARRAY['id'])"))
            .DisposeAsync();
        var metadata = await LoadAsync(catalog, "ev");
        Assert.Equal(1, metadata.FormatVersion);
        var spec = metadata.DefaultSpec;
        Assert.Equal(["ts_day", "id_bucket_16", "platform", "s_trunc_4", "s"], spec.Fields.Select(f => f.Name));
        Assert.Equal(["day", "bucket[16]", "identity", "truncate[4]", "identity"], spec.Fields.Select(f => f.Transform.ToString()));
        Assert.Equal([2, 1, 3, 4, 4], spec.Fields.Select(f => f.SourceId));
        var order = metadata.DefaultSortOrder;
        Assert.Equal([1, 3], order.Fields.Select(f => f.SourceIds[0]));
        Assert.Equal([SortDirection.Desc, SortDirection.Asc], order.Fields.Select(f => f.Direction));
        Assert.Equal([NullOrder.NullsLast, NullOrder.NullsLast], order.Fields.Select(f => f.NullOrder));
        Assert.Equal("true", metadata.Properties["write.parquet.bloom-filter-enabled.column.id"]);

        var shown = await session.QueryAsync("SHOW CREATE TABLE s.ev");
        var text = ((Lakehouse.Arrow.Arrays.BinaryArray)shown[0].Column(0)).GetString(0)!;
        Assert.StartsWith("CREATE TABLE s.ev (\n   id bigint,\n   ts timestamp(6),\n   platform varchar,\n   s varchar\n)\nWITH (\n   format = 'PARQUET',\n   format_version = 1,", text, StringComparison.Ordinal);
        Assert.EndsWith(",\n   partitioning = ARRAY['day(ts)', 'bucket(id, 16)', 'platform', 'truncate(s, 4)', 's'],\n   sorted_by = ARRAY['id DESC', 'platform ASC NULLS LAST']\n)", text, StringComparison.Ordinal);

        // the shown statement recreates the same spec and order
        await (await session.ExecuteAsync(text.Replace("s.ev", "s.ev2", StringComparison.Ordinal).Replace(metadata.Location, metadata.Location + "2", StringComparison.Ordinal))).DisposeAsync();
        var copy = await LoadAsync(catalog, "ev2");
        Assert.Equal(spec.Fields.Select(f => (f.SourceId, f.Transform.ToString())), copy.DefaultSpec.Fields.Select(f => (f.SourceId, f.Transform.ToString())));
        Assert.Equal(order.Fields.Select(f => (f.Direction, f.NullOrder)), copy.DefaultSortOrder.Fields.Select(f => (f.Direction, f.NullOrder)));
    }

    [Fact]
    public async Task AlterKeepsFieldIdsAndRefusesToDropAPartitionSource()
    {
        var (session, catalog) = Open();
        await (await session.ExecuteAsync("CREATE SCHEMA s")).DisposeAsync();
        await (await session.ExecuteAsync("CREATE TABLE s.t (id bigint, name varchar, d date) WITH (partitioning = ARRAY['month(d)'])")).DisposeAsync();
        await (await session.ExecuteAsync("ALTER TABLE s.t RENAME COLUMN name TO label")).DisposeAsync();
        await (await session.ExecuteAsync("ALTER TABLE s.t ADD COLUMN extra array(integer)")).DisposeAsync();
        await (await session.ExecuteAsync("ALTER TABLE s.t DROP COLUMN id")).DisposeAsync();
        var metadata = await LoadAsync(catalog, "t");
        var schema = metadata.CurrentSchema;
        Assert.Equal(["label", "d", "extra"], schema.Fields.Select(f => f.Name));
        Assert.Equal([2, 3, 4], schema.Fields.Select(f => f.Id));
        Assert.Equal(5, metadata.LastColumnId);
        var error = await Assert.ThrowsAsync<SqlException>(() => session.ExecuteAsync("ALTER TABLE s.t DROP COLUMN d"));
        Assert.Contains("partition", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DuckDbReadsAPartitionedTableWrittenBySql()
    {
        var (session, catalog) = Open();
        await (await session.ExecuteAsync("CREATE SCHEMA s")).DisposeAsync();
        await (await session.ExecuteAsync("CREATE TABLE s.p (id bigint, platform varchar) WITH (partitioning = ARRAY['platform', 'bucket(id, 3)'])")).DisposeAsync();
        await (await session.ExecuteAsync("INSERT INTO s.p SELECT x, CASE x % 3 WHEN 0 THEN 'x' WHEN 1 THEN 'tiktok' ELSE NULL END FROM UNNEST(sequence(1, 60)) AS u(x)")).DisposeAsync();
        var metadata = await LoadAsync(catalog, "p");
        var output = NodeOracle.Run("iceberg-table-check.mjs", metadata.MetadataFileLocation!, "id,platform");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var errors = root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(root.GetProperty("liveDataFiles").GetArrayLength() >= 3);
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(r => (long.Parse(r[0].GetString()!, CultureInfo.InvariantCulture), r[1].ValueKind == JsonValueKind.Null ? null : r[1].GetString()))
            .OrderBy(r => r.Item1).ToList();
        var expected = Enumerable.Range(1, 60).Select(x => ((long)x, (x % 3) switch { 0 => "x", 1 => "tiktok", _ => (string?)null })).ToList();
        Assert.Equal(expected, rows);
    }
}
