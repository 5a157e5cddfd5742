using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>The Flight service skeleton and client at the protobuf level.</summary>
public sealed class FlightServiceTests
{
    private sealed class EmptyFlightService : FlightServiceBase;

    [Fact]
    public async Task BaseClass_AnswersUnimplemented_ForEveryMethod()
    {
        await using var server = new GrpcServer(new EmptyFlightService().Register(new GrpcServiceRegistry()));
        await server.StartAsync();
        using var client = FlightClient.Connect(server.Address.ToString());
        var descriptor = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd };

        async Task Expect(Func<Task> call)
        {
            var e = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(e.StatusCode == StatusCode.Unimplemented, e.ToString());
        }

        static async Task Drain<T>(IAsyncEnumerable<T> items)
        {
            await foreach (var _ in items)
            {
            }
        }

        await Expect(() => client.HandshakeAsync("u", "p"));
        await Expect(() => Drain(client.ListFlightsAsync()));
        await Expect(() => client.GetFlightInfoAsync(descriptor));
        await Expect(() => client.PollFlightInfoAsync(descriptor));
        await Expect(() => client.GetSchemaAsync(descriptor));
        await Expect(() => Drain(client.DoGetAsync(new Ticket())));
        await Expect(() => client.DoActionCollectAsync("x"));
        await Expect(() => Drain(client.ListActionsAsync()));
        using (var put = client.DoPut())
        {
            await Expect(() => Drain(put.ResponseStream));
        }

        using var exchange = client.DoExchange();
        await Expect(() => Drain(exchange.ResponseStream));
    }

    [Fact]
    public async Task Handshake_ReturnsBearerToken_InResponseHeaders_AndClientReusesIt()
    {
        await using var server = new GrpcServer(new TestFlightService().Register(new GrpcServiceRegistry()));
        await server.StartAsync();
        using var client = FlightClient.Connect(server.Address.ToString());

        var denied = await Assert.ThrowsAsync<RpcException>(() => client.GetFlightInfoAsync(new FlightDescriptor()));
        Assert.Equal(StatusCode.Unauthenticated, denied.StatusCode);

        var token = await client.HandshakeAsync("alice", "secret");
        Assert.Equal(TestFlightService.Token, token);

        var command = Any.Pack(new CommandStatementQuery { Query = "SELECT 1" });
        var info = await client.GetFlightInfoAsync(new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = command.ToByteString() });
        var ticket = info.Endpoint.Single().Ticket;
        Assert.Equal(command.ToByteString(), ticket.Ticket_);

        var bodies = new List<byte>();
        await foreach (var data in client.DoGetAsync(ticket))
        {
            Assert.Equal(ticket.Ticket_, data.AppMetadata);
            bodies.Add(data.DataBody[0]);
        }

        Assert.Equal(new byte[] { 0, 1, 2 }, bodies);

        var actions = new List<string>();
        await foreach (var action in client.ListActionsAsync())
        {
            actions.Add(action.Type);
        }

        Assert.Equal(["ExpireSnapshots", "TableStatistics"], actions);
    }

    [Fact]
    public async Task WrongHandshakeCredentials_AreUnauthenticated()
    {
        await using var server = new GrpcServer(new TestFlightService().Register(new GrpcServiceRegistry()));
        await server.StartAsync();
        using var client = FlightClient.Connect(server.Address.ToString());
        var e = await Assert.ThrowsAsync<RpcException>(() => client.HandshakeAsync("alice", "wrong"));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task DoPut_StreamsBothWays()
    {
        await using var server = new GrpcServer(new TestFlightService().Register(new GrpcServiceRegistry()));
        await server.StartAsync();
        using var client = FlightClient.Connect(server.Address.ToString());
        await client.HandshakeAsync("alice", "secret");
        using var put = client.DoPut();
        var descriptor = new FlightDescriptor { Type = FlightDescriptor.Types.DescriptorType.Path };
        descriptor.Path.Add("db");
        descriptor.Path.Add("events");
        await put.RequestStream.WriteAsync(new FlightData { FlightDescriptor = descriptor });
        await put.RequestStream.WriteAsync(new FlightData { DataBody = ByteString.CopyFrom(new byte[100]) });
        await put.RequestStream.WriteAsync(new FlightData { DataBody = ByteString.CopyFrom(new byte[200_000]) });
        await put.RequestStream.CompleteAsync();
        var acks = new List<string>();
        await foreach (var result in put.ResponseStream)
        {
            acks.Add(result.AppMetadata.ToStringUtf8());
        }

        Assert.Equal(["db/events", "100", "200000"], acks);
    }

    [Fact]
    public void ProtocolNames_MatchTheArrowSpecification()
    {
        // Any type URLs and gRPC paths carry these names; wire field numbers must match too.
        Assert.Equal("type.googleapis.com/arrow.flight.protocol.sql.CommandStatementQuery", Any.Pack(new CommandStatementQuery()).TypeUrl);
        Assert.Equal("arrow.flight.protocol.FlightService", FlightReflection.Descriptor.Services.Single().FullName);
        var service = FlightReflection.Descriptor.Services.Single();
        Assert.Equal(
            ["Handshake", "ListFlights", "GetFlightInfo", "PollFlightInfo", "GetSchema", "DoGet", "DoPut", "DoExchange", "DoAction", "ListActions"],
            service.Methods.Select(m => m.Name));
        Assert.Equal(1000, FlightData.Descriptor.FindFieldByName("data_body").FieldNumber);
        Assert.Equal(4, ActionCreatePreparedStatementResult.Descriptor.FindFieldByName("is_update").FieldNumber);
        Assert.Equal(1000, CommandStatementIngest.Descriptor.FindFieldByName("options").FieldNumber);
        Assert.Equal(576, (int)SqlInfo.SqlStoredFunctionsUsingCallSyntaxSupported);
        Assert.Equal(-9, (int)XdbcDataType.XdbcWvarchar);
        Assert.Equal(3, SessionOptionValue.Descriptor.FindFieldByName("int64_value").FieldNumber);
        Assert.Equal(Google.Protobuf.Reflection.FieldType.SFixed64, SessionOptionValue.Descriptor.FindFieldByName("int64_value").FieldType);

        // Every command message of Flight SQL is present.
        string[] commands =
        [
            "CommandGetSqlInfo", "CommandGetXdbcTypeInfo", "CommandGetCatalogs", "CommandGetDbSchemas", "CommandGetTables",
            "CommandGetTableTypes", "CommandGetPrimaryKeys", "CommandGetExportedKeys", "CommandGetImportedKeys",
            "CommandGetCrossReference", "CommandStatementQuery", "CommandStatementSubstraitPlan", "CommandPreparedStatementQuery",
            "CommandStatementUpdate", "CommandPreparedStatementUpdate", "CommandStatementIngest", "TicketStatementQuery",
            "ActionCreatePreparedStatementRequest", "ActionCreatePreparedStatementResult", "ActionClosePreparedStatementRequest",
            "ActionCreatePreparedSubstraitPlanRequest", "ActionBeginTransactionRequest", "ActionBeginTransactionResult",
            "ActionBeginSavepointRequest", "ActionBeginSavepointResult", "ActionEndTransactionRequest", "ActionEndSavepointRequest",
            "ActionCancelQueryRequest", "ActionCancelQueryResult", "DoPutUpdateResult", "DoPutPreparedStatementResult",
        ];
        var names = FlightSqlReflection.Descriptor.MessageTypes.Select(m => m.Name).ToHashSet();
        Assert.All(commands, c => Assert.Contains(c, names));
    }
}
