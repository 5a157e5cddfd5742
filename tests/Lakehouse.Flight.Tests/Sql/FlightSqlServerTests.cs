using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;
using Lakehouse.Flight.Sql;

using Xunit;

using static Lakehouse.Flight.Tests.Sql.FlightSqlTestClient;

using TableExistsOption = Lakehouse.Flight.Protocol.Sql.CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption;
using TableNotExistOption = Lakehouse.Flight.Protocol.Sql.CommandStatementIngest.Types.TableDefinitionOptions.Types.TableNotExistOption;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>The Flight SQL server through our own client: every command, binding, updates, metadata, session options.</summary>
public sealed class FlightSqlServerTests
{
    [Fact]
    public async Task StatementQuery_ReturnsTheBackendsRows_WithSchemaInFlightInfo()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync();
        var (info, schema, batches) = await QueryAsync(client, new CommandStatementQuery { Query = TestSqlBackend.SelectEvents });
        Assert.Equal(TestSqlBackend.EventsSchema, ArrowIpc.DeserializeSchema(info.Schema.Memory));
        Assert.Empty(info.Endpoint[0].Location);
        Assert.Equal(TestSqlBackend.EventsSchema, schema);
        Assert.True(ArrayComparer.AreEqual(TestSqlBackend.EventsBatch(), batches.Single()));
        Assert.Equal(0, f.FlightSql.RunningQueries);
    }

    [Fact]
    public async Task PreparedStatement_JdbcSequence_BindsParameters_IncludingMultiRowBatches()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var prepared = await PrepareAsync(client, TestSqlBackend.SelectEventById);
        Assert.False(prepared.IsUpdate);
        Assert.Equal(TestSqlBackend.EventsSchema, ArrowIpc.DeserializeSchema(prepared.DatasetSchema.Memory));
        var parameterSchema = ArrowIpc.DeserializeSchema(prepared.ParameterSchema.Memory);
        Assert.Single(parameterSchema.Fields);

        var parameters = new RecordBatchBuilder(parameterSchema).AppendRow(3L).AppendRow(1L).Build();
        var bind = await PutAsync(client, new CommandPreparedStatementQuery { PreparedStatementHandle = prepared.PreparedStatementHandle }, parameterSchema, parameters);
        Assert.Equal(prepared.PreparedStatementHandle, DoPutPreparedStatementResult.Parser.ParseFrom(bind.Single()).PreparedStatementHandle);

        var (_, _, batches) = await QueryAsync(client, new CommandPreparedStatementQuery { PreparedStatementHandle = prepared.PreparedStatementHandle });
        Assert.Equal([3L, 1L], batches.SelectMany(b => ((PrimitiveArray<long>)b.Column(0)).Values.ToArray()));

        await ClosePreparedAsync(client, prepared.PreparedStatementHandle);
        Assert.Equal(0, f.FlightSql.OpenPreparedStatements);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(Command(new CommandPreparedStatementQuery { PreparedStatementHandle = prepared.PreparedStatementHandle })));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Updates_RunThroughDoPut_ForAdmins_AndAreDeniedToReaders()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var admin = await f.ConnectAsync();
        using var reader = await f.ConnectAsync("bob");

        var prepared = await PrepareAsync(admin, TestSqlBackend.InsertEvent);
        Assert.True(prepared.IsUpdate);
        Assert.Empty(ArrowIpc.DeserializeSchema(prepared.DatasetSchema.Memory).Fields);
        var parameterSchema = ArrowIpc.DeserializeSchema(prepared.ParameterSchema.Memory);
        Assert.Equal(3, parameterSchema.Count);
        var rows = new RecordBatchBuilder(parameterSchema).AppendRow(101L, "x", 1.0).AppendRow(102L, "y", null).Build();
        Assert.Equal(2, await UpdateAsync(admin, new CommandPreparedStatementUpdate { PreparedStatementHandle = prepared.PreparedStatementHandle }, parameterSchema, rows));
        Assert.Equal(6, f.Backend.CurrentEvents().Sum(b => b.Length));

        Assert.Equal(2, await UpdateAsync(admin, new CommandStatementUpdate { Query = TestSqlBackend.DeleteEvents }));
        var denied = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(reader, new CommandStatementUpdate { Query = TestSqlBackend.DeleteEvents }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var asQuery = await Assert.ThrowsAsync<RpcException>(() => admin.GetFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.DeleteEvents })));
        Assert.Equal(StatusCode.InvalidArgument, asQuery.StatusCode);
    }

    [Fact]
    public async Task Ingest_CreatesAppendsAndReplaces()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync();
        var batch = TestSqlBackend.EventsBatch();
        var options = new CommandStatementIngest.Types.TableDefinitionOptions
        {
            IfNotExist = CommandStatementIngest.Types.TableDefinitionOptions.Types.TableNotExistOption.Create,
            IfExists = CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption.Append,
        };
        var ingest = new CommandStatementIngest { Table = "loaded", TableDefinitionOptions = options };
        Assert.Equal(8, await UpdateAsync(client, ingest, TestSqlBackend.EventsSchema, batch, batch));
        Assert.Equal(4, await UpdateAsync(client, ingest, TestSqlBackend.EventsSchema, batch));
        Assert.Equal(12, f.Backend.IngestedRows("loaded"));
        options.IfExists = CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption.Fail;
        var e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, ingest, TestSqlBackend.EventsSchema, batch));
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
    }

    [Fact]
    public async Task Ingest_TableDefinitionOptions_FollowFlightSqlProto()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync();
        var batch = TestSqlBackend.EventsBatch();
        var schema = TestSqlBackend.EventsSchema;
        CommandStatementIngest Ingest(string table, TableNotExistOption ifNotExist, TableExistsOption ifExists) => new()
        {
            Table = table,
            TableDefinitionOptions = new CommandStatementIngest.Types.TableDefinitionOptions { IfNotExist = ifNotExist, IfExists = ifExists },
        };

        // Options are required and UNSPECIFIED ("servers should error") or unknown values are refused.
        var e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, new CommandStatementIngest { Table = "t1" }, schema, batch));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, Ingest("t1", TableNotExistOption.Create, TableExistsOption.Unspecified), schema, batch));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, Ingest("t1", TableNotExistOption.Unspecified, TableExistsOption.Append), schema, batch));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, Ingest("t1", TableNotExistOption.Create, (TableExistsOption)9), schema, batch));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal(-1, f.Backend.IngestedRows("t1"));

        // if_not_exist FAIL on a missing table: NOT_FOUND, nothing created.
        e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, Ingest("t1", TableNotExistOption.Fail, TableExistsOption.Append), schema, batch));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);

        // CREATE, then APPEND adds, REPLACE keeps only the new rows, FAIL refuses with ALREADY_EXISTS.
        Assert.Equal(4, await UpdateAsync(client, Ingest("t1", TableNotExistOption.Create, TableExistsOption.Fail), schema, batch));
        Assert.Equal(8, await UpdateAsync(client, Ingest("t1", TableNotExistOption.Fail, TableExistsOption.Append), schema, batch, batch));
        Assert.Equal(12, f.Backend.IngestedRows("t1"));
        Assert.Equal(4, await UpdateAsync(client, Ingest("t1", TableNotExistOption.Fail, TableExistsOption.Replace), schema, batch));
        Assert.Equal(4, f.Backend.IngestedRows("t1"));
        e = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, Ingest("t1", TableNotExistOption.Create, TableExistsOption.Fail), schema, batch));
        Assert.Equal(StatusCode.AlreadyExists, e.StatusCode);
        Assert.Equal(4, f.Backend.IngestedRows("t1"));
    }

    [Fact]
    public async Task GetSqlInfo_AnswersEveryStandardCode_WithTheSpecifiedUnionBranch()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var (_, schema, batches) = await QueryAsync(client, new CommandGetSqlInfo());
        Assert.Equal(FlightSqlSchemas.GetSqlInfo, schema);
        var batch = batches.Single();
        var names = (PrimitiveArray<uint>)batch.Column(0);
        var values = (UnionArray)batch.Column(1);
        var branchByCode = new Dictionary<uint, int>();
        for (var i = 0; i < batch.Length; i++)
        {
            branchByCode[names.Values[i]] = values.ChildIndex(i);
        }

        foreach (var code in System.Enum.GetValues<SqlInfo>())
        {
            Assert.True(branchByCode.ContainsKey((uint)code), $"SqlInfo {code} is not answered");
        }

        Assert.Equal(FlightSqlInfo.StringValue, branchByCode[0]);
        Assert.Equal(FlightSqlInfo.BoolValue, branchByCode[3]);
        Assert.Equal(FlightSqlInfo.Int32Bitmask, branchByCode[8]);
        Assert.Equal(FlightSqlInfo.StringList, branchByCode[508]);
        Assert.Equal(FlightSqlInfo.Int32ToInt32ListMap, branchByCode[517]);
        Assert.Equal(FlightSqlInfo.BigIntValue, branchByCode[541]);

        // Superset's flightsql-dbapi asks for a subset, answered in request order.
        var request = new CommandGetSqlInfo();
        request.Info.Add([0, 2, 3, 504]);
        var (_, _, subset) = await QueryAsync(client, request);
        Assert.Equal([0u, 2u, 3u, 504u], ((PrimitiveArray<uint>)subset.Single().Column(0)).Values.ToArray());
        var quote = (UnionArray)subset.Single().Column(1);
        Assert.Equal("\"", ((BinaryArray)quote.Child(0)).GetString(quote.ChildOffset(3)));
        Assert.Equal("Lakehouse test backend", ((BinaryArray)quote.Child(0)).GetString(quote.ChildOffset(0)));
    }

    [Fact]
    public async Task CatalogsSchemasTables_WithFiltersAndIncludeSchema()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var (_, catalogSchema, catalogs) = await QueryAsync(client, new CommandGetCatalogs());
        Assert.Equal(FlightSqlSchemas.GetCatalogs, catalogSchema);
        Assert.Equal("lakehouse", ((BinaryArray)catalogs.Single().Column(0)).GetString(0));

        var (_, _, schemas) = await QueryAsync(client, new CommandGetDbSchemas { DbSchemaFilterPattern = "%a_ing" });
        Assert.Equal(["staging"], Strings(schemas.Single().Column(1)));

        var (_, tablesSchema, tables) = await QueryAsync(client, new CommandGetTables { TableNameFilterPattern = "event%", IncludeSchema = true, TableTypes = { "TABLE" } });
        Assert.Equal(FlightSqlSchemas.GetTablesWithSchema, tablesSchema);
        Assert.Equal(["events", "events_raw"], Strings(tables.Single().Column(2)));
        var tableSchema = ArrowIpc.DeserializeSchema(((BinaryArray)tables.Single().Column(4)).GetBytes(1).ToArray());
        var amount = tableSchema.Fields.Single(x => x.Name == "amount");
        Assert.Equal("DECIMAL(18,2)", amount.GetMetadata("ARROW:FLIGHT:SQL:TYPE_NAME"));
        Assert.Equal("18", amount.GetMetadata("ARROW:FLIGHT:SQL:PRECISION"));
        Assert.Equal("2", amount.GetMetadata("ARROW:FLIGHT:SQL:SCALE"));
        Assert.Equal("events_raw", amount.GetMetadata("ARROW:FLIGHT:SQL:TABLE_NAME"));

        var (_, _, escaped) = await QueryAsync(client, new CommandGetTables { TableNameFilterPattern = "event\\_%" });
        Assert.Equal(["event_view"], Strings(escaped.Single().Column(2)));

        var (_, _, types) = await QueryAsync(client, new CommandGetTableTypes());
        Assert.Equal(["TABLE", "VIEW"], Strings(types.Single().Column(0)));

        var (_, pkSchema, pks) = await QueryAsync(client, new CommandGetPrimaryKeys { Table = "events" });
        Assert.Equal(FlightSqlSchemas.GetPrimaryKeys, pkSchema);
        Assert.Equal(0, pks.Sum(b => b.Length));
        foreach (IMessage keys in new IMessage[] { new CommandGetImportedKeys { Table = "events" }, new CommandGetExportedKeys { Table = "events" }, new CommandGetCrossReference { PkTable = "a", FkTable = "b" } })
        {
            var (_, keySchema, rows) = await QueryAsync(client, keys);
            Assert.Equal(FlightSqlSchemas.GetForeignKeys, keySchema);
            Assert.Equal(0, rows.Sum(b => b.Length));
        }

        var (_, xdbcSchema, xdbc) = await QueryAsync(client, new CommandGetXdbcTypeInfo());
        Assert.Equal(FlightSqlSchemas.GetXdbcTypeInfo, xdbcSchema);
        Assert.Contains("VARCHAR", Strings(xdbc.Single().Column(0)));
        var (_, _, onlyInt) = await QueryAsync(client, new CommandGetXdbcTypeInfo { DataType = (int)XdbcDataType.XdbcInteger });
        Assert.Equal(["INTEGER"], Strings(onlyInt.Single().Column(0)));

        var schemaResult = await client.GetSchemaAsync(Command(new CommandGetTables { IncludeSchema = true }));
        Assert.Equal(FlightSqlSchemas.GetTablesWithSchema, ArrowIpc.DeserializeSchema(schemaResult.Schema.Memory));
    }

    [Fact]
    public async Task LargeResults_AreSplitIntoMessagesOfAtMostTwoMebibytes()
    {
        await using var f = await FlightSqlServerFixture.StartAsync(backend: new TestSqlBackend(bigRows: 300_000));
        using var client = await f.ConnectAsync("bob");
        var info = await client.GetFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.SelectBig }));
        var (_, batches, messages, maxBody) = await ReadAsync(client, info.Endpoint[0].Ticket);
        Assert.True(maxBody <= 2 * 1024 * 1024, $"largest FlightData body {maxBody}");
        Assert.True(messages > 3);
        var n = 0L;
        foreach (var b in batches)
        {
            foreach (var v in ((PrimitiveArray<long>)b.Column(0)).Values)
            {
                Assert.Equal(n++, v);
            }
        }

        Assert.Equal(300_000, n);

        // The ticket was redeemed and belongs to the session that got it.
        using var other = await f.ConnectAsync("bob");
        var e = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(other, info.Endpoint[0].Ticket));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task SessionOptions_SetGetClose()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var set = new SetSessionOptionsRequest();
        set.SessionOptions["schema"] = new SessionOptionValue { StringValue = "staging" };
        set.SessionOptions["bogus"] = new SessionOptionValue { BoolValue = true };
        var setResult = SetSessionOptionsResult.Parser.ParseFrom((await client.DoActionCollectAsync("SetSessionOptions", set.ToByteString())).Single().Body);
        Assert.Equal(SetSessionOptionsResult.Types.ErrorValue.InvalidName, setResult.Errors["bogus"].Value);
        Assert.False(setResult.Errors.ContainsKey("schema"));

        var get = GetSessionOptionsResult.Parser.ParseFrom((await client.DoActionCollectAsync("GetSessionOptions", new GetSessionOptionsRequest().ToByteString())).Single().Body);
        Assert.Equal("staging", get.SessionOptions["schema"].StringValue);
        var (_, _, current) = await QueryAsync(client, new CommandStatementQuery { Query = "SELECT current_schema" });
        Assert.Equal(["staging"], Strings(current.Single().Column(0)));

        var close = CloseSessionResult.Parser.ParseFrom((await client.DoActionCollectAsync("CloseSession", new CloseSessionRequest().ToByteString())).Single().Body);
        Assert.Equal(CloseSessionResult.Types.Status.Closed, close.Status);
        get = GetSessionOptionsResult.Parser.ParseFrom((await client.DoActionCollectAsync("GetSessionOptions", new GetSessionOptionsRequest().ToByteString())).Single().Body);
        Assert.Empty(get.SessionOptions);
    }

    [Fact]
    public async Task ListActions_DescribesStandardAndAdminActions_AdminActionsNeedAdmin()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var admin = await f.ConnectAsync();
        using var reader = await f.ConnectAsync("bob");
        var actions = new List<ActionType>();
        await foreach (var a in reader.ListActionsAsync())
        {
            actions.Add(a);
        }

        Assert.Contains(actions, a => a.Type == "CreatePreparedStatement" && a.Description.Length > 10);
        Assert.Contains(actions, a => a.Type == "TableStatistics");
        var stats = await admin.DoActionCollectAsync("TableStatistics", ByteString.CopyFromUtf8("events"));
        Assert.Equal("{\"table\":\"events\",\"rows\":4}", stats.Single().Body.ToStringUtf8());
        var e = await Assert.ThrowsAsync<RpcException>(() => reader.DoActionCollectAsync("TableStatistics", ByteString.CopyFromUtf8("events")));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    [Fact]
    public async Task PollFlightInfo_IsCompleteAtOnce()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var poll = await client.PollFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.SelectEvents }));
        Assert.Null(poll.FlightDescriptor);
        Assert.Equal(1.0, poll.Progress);
        var (_, batches, _, _) = await ReadAsync(client, poll.Info.Endpoint[0].Ticket);
        Assert.Equal(4, batches.Sum(b => b.Length));
    }

    [Fact]
    public void SqlLikePattern_FollowsLikeSemantics()
    {
        Assert.True(new SqlLikePattern("ev%").IsMatch("events"));
        Assert.True(new SqlLikePattern("e_ents").IsMatch("events"));
        Assert.False(new SqlLikePattern("e_ents").IsMatch("eevents"));
        Assert.True(new SqlLikePattern("a\\%b").IsMatch("a%b"));
        Assert.False(new SqlLikePattern("a\\%b").IsMatch("axb"));
        Assert.True(new SqlLikePattern("a.b*").IsMatch("a.b*"));
        Assert.False(new SqlLikePattern("a.b").IsMatch("axb"));
        Assert.True(SqlLikePattern.Matches(null, null));
        Assert.False(SqlLikePattern.Matches("%", null));
    }

    /// <summary>The strings of a column, nulls as "(null)".</summary>
    internal static string[] Strings(ArrowArray array)
    {
        var strings = (BinaryArray)array;
        var result = new string[strings.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = strings.GetString(i) ?? "(null)";
        }

        return result;
    }
}
