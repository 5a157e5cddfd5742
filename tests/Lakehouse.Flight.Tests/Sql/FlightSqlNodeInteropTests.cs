using System.Text.Json;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Flight.Grpc;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>
/// tests/interop/flightsql-client.mjs (@grpc/grpc-js + apache-arrow, written from the protocol, not by us
/// against our code) replays the JDBC driver's, ADBC's and flightsql-dbapi's call sequences; what it
/// decodes is compared with the backend's batches.
/// </summary>
public sealed class FlightSqlNodeInteropTests
{
    [SkippableFact]
    public async Task NodeClient_ReplaysJdbcAdbcAndDbapiSequences()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        var protoDir = Path.Combine(RepoPaths.Root, "src", "Flight", "Protos");
        var json = await Task.Run(() => NodeOracle.Run("flightsql-client.mjs", TimeSpan.FromSeconds(90), null, $"127.0.0.1:{f.Server.Port}", protoDir, "alice", FlightSqlServerFixture.AdminPassword));
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        var expected = Rows(TestSqlBackend.EventsBatch());

        var jdbc = r.GetProperty("jdbc");
        Assert.True(jdbc.GetProperty("bearer").GetBoolean());
        var info = jdbc.GetProperty("sqlInfo");
        foreach (var code in Enum.GetValues<Protocol.Sql.SqlInfo>())
        {
            Assert.True(info.TryGetProperty(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), out _), $"SqlInfo {code} missing in what apache-arrow decoded");
        }

        Assert.Equal(3, info.GetProperty("8").GetProperty("branch").GetInt32());
        Assert.Equal("\"", info.GetProperty("504").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Array, info.GetProperty("508").GetProperty("value").ValueKind);
        Assert.Equal("[[\"lakehouse\"]]", jdbc.GetProperty("catalogs").GetRawText());
        Assert.Equal(3, jdbc.GetProperty("schemas").GetArrayLength());
        var events = jdbc.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "events");
        var id = events.GetProperty("columns")[0];
        Assert.Equal("id", id.GetProperty("name").GetString());
        Assert.False(id.GetProperty("nullable").GetBoolean());
        Assert.Equal("BIGINT", id.GetProperty("metadata").GetProperty("ARROW:FLIGHT:SQL:TYPE_NAME").GetString());
        Assert.Equal("events", id.GetProperty("metadata").GetProperty("ARROW:FLIGHT:SQL:TABLE_NAME").GetString());
        Assert.Equal(["catalog_name", "db_schema_name", "table_name", "column_name", "key_name", "key_sequence"], jdbc.GetProperty("primaryKeys").EnumerateArray().Select(e => e.GetString()!));

        var select = jdbc.GetProperty("select");
        Assert.False(select.GetProperty("isUpdate").GetBoolean());
        Assert.Equal(expected, Normalize(select.GetProperty("rows")));
        var byId = jdbc.GetProperty("byId");
        Assert.True(byId.GetProperty("boundHandleEcho").GetBoolean());
        Assert.Equal([expected[2], expected[0]], Normalize(byId.GetProperty("rows")));
        var insert = jdbc.GetProperty("insert");
        Assert.True(insert.GetProperty("isUpdate").GetBoolean());
        Assert.Equal(0, insert.GetProperty("dataset").GetArrayLength());
        Assert.Equal(3, insert.GetProperty("parameters").GetArrayLength());
        Assert.Equal("2", insert.GetProperty("recordCount").GetString());
        Assert.Equal(6, jdbc.GetProperty("afterInsert").GetProperty("rows").GetArrayLength());
        Assert.Equal(6, f.Backend.CurrentEvents().Sum(b => b.Length));

        var adbc = r.GetProperty("adbc");
        Assert.Equal(["8"], adbc.GetProperty("sqlInfo").EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, adbc.GetProperty("rows").GetArrayLength());

        var dbapi = r.GetProperty("dbapi");
        Assert.Equal(["0", "2", "3", "504"], dbapi.GetProperty("sqlInfo").EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, dbapi.GetProperty("locations").GetInt32());
        Assert.Equal(expected, Normalize(dbapi.GetProperty("rows")).Take(4));

        var abuse = r.GetProperty("abuse");
        Assert.Equal((int)StatusCode.Unauthenticated, abuse.GetProperty("noToken").GetInt32());
        Assert.Equal((int)StatusCode.Unauthenticated, abuse.GetProperty("wrongToken").GetInt32());
        Assert.Equal((int)StatusCode.InvalidArgument, abuse.GetProperty("garbage").GetInt32());
        Assert.Equal((int)StatusCode.InvalidArgument, abuse.GetProperty("unknownType").GetInt32());
        Assert.Equal(0, abuse.GetProperty("ok").GetInt32());
        Assert.Equal(0, f.FlightSql.RunningQueries);
        Assert.Equal(0, f.FlightSql.OpenPreparedStatements);
    }

    /// <summary>Rows of the events table as "id|name|score" strings (null as ∅) for comparison.</summary>
    private static List<string> Rows(RecordBatch batch)
    {
        var ids = (PrimitiveArray<long>)batch.Column(0);
        var names = (BinaryArray)batch.Column(1);
        var scores = (PrimitiveArray<double>)batch.Column(2);
        var rows = new List<string>();
        for (var i = 0; i < batch.Length; i++)
        {
            rows.Add(Row(ids.Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture), names.GetString(i), scores.GetValue(i)));
        }

        return rows;
    }

    private static List<string> Normalize(JsonElement rows) =>
        [.. rows.EnumerateArray().Select(r => Row(
            r[0].ValueKind == JsonValueKind.String ? r[0].GetString()! : r[0].GetRawText(),
            r[1].ValueKind == JsonValueKind.Null ? null : r[1].GetString(),
            r[2].ValueKind == JsonValueKind.Null ? null : r[2].GetDouble()))];

    private static string Row(string id, string? name, double? score) =>
        $"{id}|{name ?? "∅"}|{(score is { } s ? s.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "∅")}";
}
