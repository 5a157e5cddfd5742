using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Table.IO;
using Npgsql;
using Xunit;

namespace Lakehouse.Table.Tests.Catalog;

/// <summary>
/// The SQL catalog on a real PostgreSQL server: the one ./test starts (LAKEHOUSE_TEST_POSTGRES holds its catalog URI).
/// Each test uses its own catalog name, so tests share the database without seeing each other.
/// </summary>
public sealed class PostgresCatalogTests : SqlCatalogContract
{
    private static string RequireServer()
    {
        var uri = Environment.GetEnvironmentVariable("LAKEHOUSE_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(uri), "LAKEHOUSE_TEST_POSTGRES is not set (./test starts a PostgreSQL server and sets it): PostgreSQL catalog tests skipped");
        return uri!;
    }

    protected override SqlCatalog Open(string name) =>
        new(name, "/warehouse", LocalFileIO.Instance, CatalogUri.CreateDialect(RequireServer()));

    [SkippableFact]
    public async Task TablesHaveTheJdbcCatalogLayout()
    {
        var uri = RequireServer();
        await using (var catalog = Open(UniqueName("layout")))
        {
            await catalog.InitializeAsync();
            Assert.True(catalog.HasRecordTypeColumn);
        }

        Assert.True(CatalogUri.TryPostgresConnectionString(uri, out var connectionString));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns "
            + "WHERE table_name IN ('iceberg_tables', 'iceberg_namespace_properties') AND table_schema = current_schema() ORDER BY table_name DESC, ordinal_position",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)} {reader.GetString(2)}({reader.GetInt32(3)}) {reader.GetString(4)}");
        }

        Assert.Equal(
            [
                "iceberg_tables.catalog_name character varying(255) NO",
                "iceberg_tables.table_namespace character varying(255) NO",
                "iceberg_tables.table_name character varying(255) NO",
                "iceberg_tables.metadata_location character varying(1000) YES",
                "iceberg_tables.previous_metadata_location character varying(1000) YES",
                "iceberg_tables.iceberg_type character varying(5) YES",
                "iceberg_namespace_properties.catalog_name character varying(255) NO",
                "iceberg_namespace_properties.namespace character varying(255) NO",
                "iceberg_namespace_properties.property_key character varying(255) NO",
                "iceberg_namespace_properties.property_value character varying(1000) YES",
            ],
            columns);
    }

    [SkippableFact]
    public async Task SeveralCatalogObjectsCreateTheTablesAtOnce()
    {
        // Fresh schema: the first use by several pools at the same moment races on CREATE TABLE IF NOT EXISTS.
        var uri = RequireServer();
        Assert.True(CatalogUri.TryPostgresConnectionString(uri, out var connectionString));
        var schema = UniqueName("s");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
        var catalogs = Enumerable.Range(0, 4).Select(_ => new SqlCatalog("race", "/w", LocalFileIO.Instance, new PostgresDialect(scoped))).ToArray();
        try
        {
            await Task.WhenAll(catalogs.Select(c => c.InitializeAsync()));
            await catalogs[0].CreateNamespaceAsync(Namespace.Of("db"));
            Assert.Equal(["db"], (await catalogs[3].ListNamespacesAsync()).Select(n => n.ToString()));
        }
        finally
        {
            foreach (var catalog in catalogs)
            {
                await catalog.DisposeAsync();
            }
        }
    }
}
