using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Table.IO;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Catalog;

/// <summary>
/// SQLite catalogs written by PyIceberg's SqlCatalog (shared fixtures from duckdb-iceberg): they open read-only, list
/// their namespaces and tables, give the metadata location, and the table behind it scans. They lack Java's
/// <c>iceberg_type</c> column; writing to a copy keeps that layout.
/// </summary>
public sealed class PyIcebergCatalogFixtureTests
{
    private const string Repo = "iceberg/duckdb__duckdb-iceberg@68623ff99d41";

    public static TheoryData<string, string, string, string, string> Catalogs => new()
    {
        { "data/persistent/add_columns_with_defaults/pyiceberg_catalog.db", "default", "default", "add_columns_with_defaults", "data/persistent/add_columns_with_defaults/default.db/add_columns_with_defaults/metadata/00003-3f1801a5-7dfb-4072-b14a-39cd12f9279b.metadata.json" },
        { "data/persistent/column_mapping/catalog.sqlite", "my_catalog", "default", "my_table", "data/persistent/column_mapping/warehouse/default.db/my_table/metadata/00001-75643dae-a7a7-46ae-ab30-ea80d3793f3f.metadata.json" },
        { "data/persistent/iceberg_v1_repro/catalog.db", "repro", "repro", "merch_v1", "data/persistent/iceberg_v1_repro/repro/merch_v1/metadata/00003-8d01e4aa-d143-49c9-898e-b5e477577b70.metadata.json" },
    };

    [SkippableTheory]
    [MemberData(nameof(Catalogs))]
    public async Task OpensListsAndLoads(string database, string catalogName, string ns, string table, string metadataLocation)
    {
        var repoRoot = SharedFixtures.Require(Repo);
        var path = SharedFixtures.Require(Path.Combine(Repo, database));
        await using var catalog = new SqlCatalog(catalogName, repoRoot, LocalFileIO.Instance, CatalogUri.CreateDialect($"sqlite:{path}?mode=ro"));

        Assert.Equal([ns], (await catalog.ListNamespacesAsync()).Select(n => n.ToString()));
        Assert.Equal("true", (await catalog.LoadNamespacePropertiesAsync(Namespace.Of(ns)))["exists"]);
        Assert.Equal([table], (await catalog.ListTablesAsync(Namespace.Of(ns))).Select(t => t.Name));
        Assert.False(catalog.HasRecordTypeColumn);
        var location = await catalog.LoadMetadataLocationAsync(new TableIdentifier(Namespace.Of(ns), table));
        Assert.Equal(metadataLocation, location);

        // Another catalog name in the same file sees nothing.
        await using var other = new SqlCatalog("other", repoRoot, LocalFileIO.Instance, CatalogUri.CreateDialect($"sqlite:{path}?mode=ro"));
        Assert.Empty(await other.ListNamespacesAsync());

        // PyIceberg wrote the location relative to the duckdb-iceberg checkout; the table it names scans.
        var loaded = IcebergTable.Load(Path.Combine(repoRoot, location));
        var expected = long.Parse(loaded.Metadata.CurrentSnapshot!.Summary["total-records"], System.Globalization.CultureInfo.InvariantCulture);
        long rows = 0;
        await foreach (var batch in loaded.NewScan().ToBatchesAsync())
        {
            rows += batch.Length;
        }

        Assert.Equal(expected, rows);
    }

    [SkippableFact]
    public async Task CommitsToACopyKeepThePyIcebergLayout()
    {
        var source = SharedFixtures.Require(Path.Combine(Repo, "data/persistent/iceberg_v1_repro/catalog.db"));
        var directory = RepoPaths.NewTempDirectory("pyiceberg-catalog");
        try
        {
            var copy = Path.Combine(directory, "catalog.db");
            File.Copy(source, copy);
            var id = TableIdentifier.Parse("repro.merch_v1");
            await using (var catalog = new SqlCatalog("repro", directory, LocalFileIO.Instance, new SqliteDialect(copy)))
            {
                var current = await catalog.LoadMetadataLocationAsync(id);
                await catalog.CommitTableAsync(id, current, "/new/00004.metadata.json");
                await Assert.ThrowsAsync<CommitConflictException>(() => catalog.CommitTableAsync(id, current, "/new/00004b.metadata.json"));
                await catalog.RegisterTableAsync(TableIdentifier.Parse("repro.second"), "/second/00000.metadata.json");
                await catalog.CreateNamespaceAsync(Namespace.Of("extra"), new Dictionary<string, string> { ["k"] = "v" });
            }

            var rows = SqliteCatalogTests.Sqlite3(copy, "SELECT name FROM pragma_table_info('iceberg_tables'); SELECT * FROM iceberg_tables ORDER BY table_name; SELECT * FROM iceberg_namespace_properties ORDER BY namespace, property_key;");
            Assert.Equal(
                [
                    "catalog_name", "table_namespace", "table_name", "metadata_location", "previous_metadata_location",
                    "repro|repro|merch_v1|/new/00004.metadata.json|data/persistent/iceberg_v1_repro/repro/merch_v1/metadata/00003-8d01e4aa-d143-49c9-898e-b5e477577b70.metadata.json",
                    "repro|repro|second|/second/00000.metadata.json|",
                    "repro|extra|exists|true",
                    "repro|extra|k|v",
                    "repro|repro|exists|true",
                ],
                rows);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
