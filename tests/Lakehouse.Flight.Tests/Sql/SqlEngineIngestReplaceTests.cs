using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol.Sql;
using Lakehouse.Flight.Sql;
using Lakehouse.Sql;
using Lakehouse.Table.Catalog;
using Lakehouse.Testing;
using Xunit;

using static Lakehouse.Flight.Tests.Sql.FlightSqlTestClient;

using TableExistsOption = Lakehouse.Flight.Protocol.Sql.CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption;
using TableNotExistOption = Lakehouse.Flight.Protocol.Sql.CommandStatementIngest.Types.TableDefinitionOptions.Types.TableNotExistOption;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>CommandStatementIngest with TABLE_EXISTS_OPTION_REPLACE on the SQL engine backend, read back through our FlightSqlClient.</summary>
public sealed class SqlEngineIngestReplaceTests
{
    [Fact]
    public async Task ReplaceSwapsEveryRowInOneSnapshotAndRejectsOtherColumns()
    {
        var warehouse = RepoPaths.NewTempDirectory("flightsql-replace");
        try
        {
            await using var catalog = CatalogFactory.Open(warehouse);
            await catalog.CreateNamespaceAsync(Namespace.Parse("db"));
            var engine = new SqlEngine(new SqlEngineOptions { Catalog = catalog, DefaultSchema = "db" });
            var flightSql = new FlightSqlServer(new SqlEngineBackend(engine, "test"), new FlightSqlServerOptions { Users = FlightSqlServerFixture.TestUsers() });
            await using var server = new GrpcServer(flightSql.RegisterWithAuthentication(new GrpcServiceRegistry()));
            await server.StartAsync();
            var flight = FlightClient.Connect(server.Address.ToString());
            await flight.HandshakeAsync("alice", FlightSqlServerFixture.AdminPassword);
            using var client = new FlightSqlClient(flight);

            var schema = new Schema([new Field("id", Arrow.Types.ArrowType.Int64, false), new Field("name", Arrow.Types.ArrowType.Utf8)]);
            var first = new RecordBatchBuilder(schema).AppendRow(1L, "a").AppendRow(2L, "b").Build();
            Assert.Equal(2, await UpdateAsync(flight, Ingest(TableExistsOption.Fail), schema, first));
            var second = new RecordBatchBuilder(schema).AppendRow(7L, "x").AppendRow(8L, null).AppendRow(9L, "z").Build();
            Assert.Equal(3, await UpdateAsync(flight, Ingest(TableExistsOption.Replace), schema, second));

            Assert.Equal([7L, 8L, 9L], await LongsAsync(client, "SELECT id FROM items ORDER BY id"));
            Assert.Equal([2L, 2L], await LongsAsync(client, "SELECT count(*) FROM \"items$snapshots\" UNION ALL SELECT CAST(count(*) AS bigint) FROM \"items$snapshots\" WHERE operation IN ('append', 'overwrite')"));

            // Other columns: refused, and the table keeps its rows.
            var other = new Schema([new Field("id", Arrow.Types.ArrowType.Int64, false)]);
            var e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(flight, Ingest(TableExistsOption.Replace), other, new RecordBatchBuilder(other).AppendRow(1L).Build()));
            Assert.Contains("REPLACE", e.Status.Detail);
            Assert.Equal([7L, 8L, 9L], await LongsAsync(client, "SELECT id FROM items ORDER BY id"));

            // Statements and updates through the client.
            var update = await client.ExecuteAsync("INSERT INTO items VALUES (10, 'n')");
            Assert.False(update.IsQuery);
            Assert.Equal(1, update.UpdateCount);
            Assert.Equal([4L], await LongsAsync(client, "SELECT count(*) FROM items"));
        }
        finally
        {
            Directory.Delete(warehouse, recursive: true);
        }
    }

    private static CommandStatementIngest Ingest(TableExistsOption ifExists) => new()
    {
        Table = "items",
        Schema = "db",
        TableDefinitionOptions = new CommandStatementIngest.Types.TableDefinitionOptions { IfNotExist = TableNotExistOption.Create, IfExists = ifExists },
    };

    private static async Task<List<long>> LongsAsync(FlightSqlClient client, string sql)
    {
        var result = await client.ExecuteAsync(sql);
        Assert.True(result.IsQuery);
        var values = new List<long>();
        await foreach (var batch in result.Batches!)
        {
            values.AddRange(((PrimitiveArray<long>)batch.Column(0)).Values.ToArray());
        }

        return values;
    }
}
