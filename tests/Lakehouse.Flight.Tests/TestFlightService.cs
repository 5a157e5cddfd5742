using System.Text;

using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

namespace Lakehouse.Flight.Tests;

/// <summary>A small Flight server for the skeleton tests: Basic -> Bearer handshake, a few methods.</summary>
internal sealed class TestFlightService : FlightServiceBase
{
    public const string Token = "Bearer test-token-123";

    public override async Task HandshakeAsync(IAsyncEnumerable<HandshakeRequest> requests, IServerStreamWriter<HandshakeResponse> responses, ServerCallContext context)
    {
        var header = context.RequestHeaders.Get("authorization");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:secret"));
        if (header != expected)
        {
            throw new RpcException(StatusCode.Unauthenticated, "invalid credentials");
        }

        await foreach (var request in requests)
        {
            var auth = BasicAuth.Parser.ParseFrom(request.Payload);
            context.ResponseHeaders.Add("authorization", Token);
            await responses.WriteAsync(new HandshakeResponse { Payload = ByteString.CopyFromUtf8(auth.Username) });
        }
    }

    public override Task<FlightInfo> GetFlightInfoAsync(FlightDescriptor descriptor, ServerCallContext context)
    {
        RequireToken(context);
        var info = new FlightInfo { FlightDescriptor = descriptor, TotalRecords = -1, TotalBytes = -1 };
        info.Endpoint.Add(new FlightEndpoint { Ticket = new Ticket { Ticket_ = descriptor.Cmd } });
        return Task.FromResult(info);
    }

    public override async Task DoGetAsync(Ticket ticket, IServerStreamWriter<FlightData> responses, ServerCallContext context)
    {
        RequireToken(context);
        for (var i = 0; i < 3; i++)
        {
            await responses.WriteAsync(new FlightData { AppMetadata = ticket.Ticket_, DataBody = ByteString.CopyFrom(new byte[] { (byte)i }) });
        }
    }

    public override async Task DoPutAsync(IAsyncEnumerable<FlightData> requests, IServerStreamWriter<PutResult> responses, ServerCallContext context)
    {
        RequireToken(context);
        var first = true;
        await foreach (var data in requests)
        {
            var tag = first ? string.Join('/', data.FlightDescriptor.Path) : data.DataBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            first = false;
            await responses.WriteAsync(new PutResult { AppMetadata = ByteString.CopyFromUtf8(tag) });
        }
    }

    public override async Task ListActionsAsync(Empty request, IServerStreamWriter<ActionType> responses, ServerCallContext context)
    {
        await responses.WriteAsync(new ActionType { Type = "ExpireSnapshots", Description = "test action" });
        await responses.WriteAsync(new ActionType { Type = "TableStatistics", Description = "test action" });
    }

    private static void RequireToken(ServerCallContext context)
    {
        if (context.RequestHeaders.Get("authorization") != Token)
        {
            throw new RpcException(StatusCode.Unauthenticated, "missing or wrong bearer token");
        }
    }
}
