using System.Buffers;

using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Flight.Auth;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;
using Lakehouse.Flight.Sql;

using Xunit;

using static Lakehouse.Flight.Tests.Sql.FlightSqlTestClient;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>Wrong or missing credentials, malformed requests, cancellation and load: right status codes, nothing leaks, the server stays up.</summary>
public sealed class FlightSqlAbuseTests
{
    private static readonly Method<byte[], FlightInfo> s_rawGetFlightInfo = new(
        MethodType.Unary, FlightMethods.ServiceName, "GetFlightInfo",
        new Marshaller<byte[]>((bytes, writer) => writer.Write(bytes), sequence => sequence.ToArray()),
        Marshallers.Protobuf(FlightInfo.Parser));

    [Fact]
    public async Task MissingWrongOrExpiredCredentials_AreUnauthenticated()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        var query = Command(new CommandStatementQuery { Query = TestSqlBackend.SelectEvents });

        using var anonymous = FlightClient.Connect(f.Address);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => anonymous.GetFlightInfoAsync(query))).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => anonymous.HandshakeAsync("alice", "nope"))).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => anonymous.HandshakeAsync("mallory", "x"))).StatusCode);

        using var forged = FlightClient.Connect(f.Address);
        forged.Headers.Add("authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => forged.GetFlightInfoAsync(query))).StatusCode);

        // Basic credentials on an ordinary call work too, and hand back a Bearer token.
        using var basic = FlightClient.Connect(f.Address);
        basic.Headers.Add("authorization", "Basic " + Convert.ToBase64String("bob:bob-pw"u8.ToArray()));
        Assert.NotEmpty((await basic.GetFlightInfoAsync(query)).Endpoint);
    }

    [Fact]
    public async Task AnonymousAccess_OnlyWhenConfigured()
    {
        var options = new FlightSqlServerOptions { Users = FlightSqlServerFixture.TestUsers(new AnonymousAccess(true, FlightSqlRole.Reader, LoopbackOnly: true)) };
        await using var f = await FlightSqlServerFixture.StartAsync(options);
        using var client = FlightClient.Connect(f.Address);
        var (_, _, batches) = await QueryAsync(client, new CommandStatementQuery { Query = TestSqlBackend.SelectEvents });
        Assert.Equal(4, batches.Sum(b => b.Length));
        var denied = await Assert.ThrowsAsync<RpcException>(() => UpdateAsync(client, new CommandStatementUpdate { Query = TestSqlBackend.DeleteEvents }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        using var handshake = client.Handshake(); // without credentials: an anonymous session token
        await handshake.RequestStream.CompleteAsync();
        await foreach (var _ in handshake.ResponseStream)
        {
        }

        Assert.StartsWith("Bearer ", (await handshake.GetResponseHeadersAsync()).Get("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageAndUnknownCommands_AreInvalidArgument()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync();

        var garbageAny = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = ByteString.CopyFrom(0xff, 0xff, 0xff, 0x07) };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(garbageAny))).StatusCode);

        var unknown = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = new Any { TypeUrl = "type.googleapis.com/arrow.flight.protocol.sql.CommandDropEverything", Value = ByteString.Empty }.ToByteString() };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(unknown))).StatusCode);

        var foreign = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = Any.Pack(new Duration()).ToByteString() };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(foreign))).StatusCode);

        var path = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Path, Path = { "x" } };
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(path))).StatusCode);

        var unknownSql = Command(new CommandStatementQuery { Query = "SELEC nonsense" });
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(unknownSql))).StatusCode);

        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => ReadAsync(client, new Ticket { Ticket_ = ByteString.CopyFromUtf8("forged") }))).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.DoActionCollectAsync("NoSuchAction"))).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => client.DoActionCollectAsync("CreatePreparedStatement", ByteString.CopyFrom(1, 2, 3)))).StatusCode);

        // A request message that is not a FlightDescriptor at all.
        var raw = await Assert.ThrowsAsync<RpcException>(() => client.Channel.UnaryAsync(s_rawGetFlightInfo, [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f], new CallOptions(client.Headers, null, default)));
        Assert.True(raw.StatusCode is StatusCode.InvalidArgument or StatusCode.Internal, raw.ToString());

        // Still serving.
        var (_, _, batches) = await QueryAsync(client, new CommandStatementQuery { Query = TestSqlBackend.SelectEvents });
        Assert.Equal(4, batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task OversizedMessage_IsResourceExhausted()
    {
        await using var f = await FlightSqlServerFixture.StartAsync(grpc: new GrpcServerOptions { MaxReceiveMessageSize = 64 * 1024 });
        using var client = await f.ConnectAsync();
        var huge = Command(new CommandStatementQuery { Query = "SELECT '" + new string('x', 200_000) + "'" });
        Assert.Equal(StatusCode.ResourceExhausted, (await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(huge))).StatusCode);
        var (_, _, batches) = await QueryAsync(client, new CommandStatementQuery { Query = TestSqlBackend.SelectEvents });
        Assert.Equal(4, batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task ClientCancelMidStream_StopsTheQuery_NoLeak()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var info = await client.GetFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.SelectEndless }));
        using var cts = new CancellationTokenSource();
        var received = 0;
        var e = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in client.DoGetAsync(info.Endpoint[0].Ticket, new CallOptions(null, null, cts.Token)))
            {
                if (++received == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(e is OperationCanceledException || (e is RpcException r && r.StatusCode == StatusCode.Cancelled), e.ToString());
        await WaitUntil(() => f.FlightSql.RunningQueries == 0 && f.Backend.EndlessRunning == 0);
        Assert.Equal(0, f.FlightSql.RunningQueries);
        Assert.Equal(0, f.Backend.EndlessRunning);
    }

    [Fact]
    public async Task CancelFlightInfo_CancelsARunningQuery()
    {
        await using var f = await FlightSqlServerFixture.StartAsync();
        using var client = await f.ConnectAsync("bob");
        var info = await client.GetFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.SelectEndless }));
        var reading = Task.Run(async () =>
        {
            await foreach (var _ in client.DoGetAsync(info.Endpoint[0].Ticket))
            {
            }
        });
        await WaitUntil(() => f.Backend.EndlessRunning == 1);
        var result = CancelFlightInfoResult.Parser.ParseFrom((await client.DoActionCollectAsync("CancelFlightInfo", new CancelFlightInfoRequest { Info = info }.ToByteString())).Single().Body);
        Assert.Equal(CancelStatus.Cancelled, result.Status);
        var e = await Assert.ThrowsAsync<RpcException>(() => reading);
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        await WaitUntil(() => f.FlightSql.RunningQueries == 0);
        Assert.Equal(0, f.Backend.EndlessRunning);
    }

    [Fact]
    public async Task QueryTimeout_IsDeadlineExceeded()
    {
        var options = new FlightSqlServerOptions { Users = FlightSqlServerFixture.TestUsers(), QueryTimeout = TimeSpan.FromMilliseconds(300) };
        await using var f = await FlightSqlServerFixture.StartAsync(options);
        using var client = await f.ConnectAsync("bob");
        var info = await client.GetFlightInfoAsync(Command(new CommandStatementQuery { Query = TestSqlBackend.SelectEndless }));
        var e = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(client, info.Endpoint[0].Ticket));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        await WaitUntil(() => f.FlightSql.RunningQueries == 0);
    }

    [Fact]
    public async Task FiftyConcurrentClients_AllServed_WithFewQuerySlots()
    {
        var options = new FlightSqlServerOptions { Users = FlightSqlServerFixture.TestUsers(), MaxConcurrentQueries = 4 };
        await using var f = await FlightSqlServerFixture.StartAsync(options, new TestSqlBackend(bigRows: 20_000));
        var tasks = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            using var client = await f.ConnectAsync(i % 2 == 0 ? "alice" : "bob");
            var prepared = await PrepareAsync(client, i % 3 == 0 ? TestSqlBackend.SelectBig : TestSqlBackend.SelectEvents);
            var (_, _, batches) = await QueryAsync(client, new CommandPreparedStatementQuery { PreparedStatementHandle = prepared.PreparedStatementHandle });
            await ClosePreparedAsync(client, prepared.PreparedStatementHandle);
            return batches.Sum(b => b.Length);
        })).ToArray();
        var rows = await Task.WhenAll(tasks);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(i % 3 == 0 ? 20_000 : 4, rows[i]);
        }

        Assert.Equal(0, f.FlightSql.RunningQueries);
        Assert.Equal(0, f.FlightSql.OpenPreparedStatements);
    }

    [Fact]
    public void PasswordHash_VerifiesAndRejects()
    {
        var hash = PasswordHash.Create("s3cret", 1000);
        Assert.StartsWith("pbkdf2-sha256:1000:", hash, StringComparison.Ordinal);
        Assert.True(PasswordHash.Verify("s3cret", hash));
        Assert.False(PasswordHash.Verify("s3cret!", hash));
        Assert.Throws<FormatException>(() => PasswordHash.Validate("md5:abc"));
    }

    [Fact]
    public void UsersFile_Parses_AndRejectsUnknownRoles()
    {
        var hash = PasswordHash.Create("pw", 1000);
        var json = $$"""{ "users": [ { "name": "carol", "password": "{{hash}}", "role": "admin" } ], "anonymous": { "enabled": true, "role": "reader", "loopbackOnly": false } }""";
        var store = UserStore.Parse(System.Text.Json.JsonDocument.Parse(json).RootElement);
        Assert.Equal(FlightSqlRole.Admin, store.Authenticate("carol", "pw")!.Role);
        Assert.Null(store.Authenticate("carol", "wrong"));
        Assert.True(store.Anonymous.Enabled);
        Assert.False(store.Anonymous.LoopbackOnly);
        var bad = $$"""{ "users": [ { "name": "dave", "password": "{{hash}}", "role": "root" } ] }""";
        Assert.Throws<FormatException>(() => UserStore.Parse(System.Text.Json.JsonDocument.Parse(bad).RootElement));
    }

    [Fact]
    public void UsersFile_Yaml_MatchesJsonForm()
    {
        var hash = PasswordHash.Create("pw", 1000);
        var yaml = $"""
            # users for the test server
            users:
              - name: carol
                password: "{hash}"
                role: admin
              - {"{"} name: erin, password: '{hash}' {"}"}
            anonymous:
              enabled: true
              role: reader
              loopbackOnly: false
            """;
        var store = UserStore.ParseYaml(yaml);
        Assert.Equal(2, store.Count);
        Assert.Equal(FlightSqlRole.Admin, store.Authenticate("carol", "pw")!.Role);
        Assert.Equal(FlightSqlRole.Reader, store.Authenticate("erin", "pw")!.Role);
        Assert.Null(store.Authenticate("erin", "wrong"));
        Assert.True(store.Anonymous.Enabled);
        Assert.False(store.Anonymous.LoopbackOnly);

        var path = Path.Combine(Path.GetTempPath(), $"users-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, yaml);
            Assert.Equal(2, UserStore.Load(path).Count);
            File.WriteAllText(path, $"users:\n  - name: dave\n    password: \"{hash}\"\n    role: root\n");
            Assert.Throws<FormatException>(() => UserStore.Load(path));
            File.WriteAllText(path, "users: [ { name: x\n");
            Assert.Throws<FormatException>(() => UserStore.Load(path));
            File.WriteAllText(path, "anonymous:\n  enabled: \"yes\"\n");
            Assert.Throws<FormatException>(() => UserStore.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
