using System.Runtime.CompilerServices;

using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

using FlightAction = Lakehouse.Flight.Protocol.Action;

namespace Lakehouse.Flight;

/// <summary>
/// A Flight client over a <see cref="GrpcChannel"/>. Works at the protobuf level: FlightData carries Arrow
/// IPC messages that the caller encodes and decodes. <see cref="Headers"/> are sent with every call (e.g.
/// the Bearer token returned by <see cref="HandshakeAsync"/>).
/// </summary>
public sealed class FlightClient(GrpcChannel channel) : IDisposable
{
    /// <summary>Metadata added to every call.</summary>
    public Metadata Headers { get; } = new();

    public GrpcChannel Channel => channel;

    public static FlightClient Connect(string address, GrpcChannelOptions? options = null) => new(GrpcChannel.ForAddress(address, options));

    /// <summary>
    /// Basic-auth handshake: sends the credentials in the <c>authorization</c> header, returns the server's
    /// <c>authorization</c> response header (e.g. <c>Bearer …</c>) and stores it in <see cref="Headers"/>.
    /// </summary>
    public async Task<string?> HandshakeAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(username + ":" + password));
        var headers = new Metadata().Add("authorization", "Basic " + credentials);
        using var call = channel.StartCall(FlightMethods.Handshake, new CallOptions(headers, null, cancellationToken));
        var payload = new BasicAuth { Username = username, Password = password }.ToByteString();
        await call.RequestStream.WriteAsync(new HandshakeRequest { Payload = payload }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        await foreach (var _ in call.ResponseStream.WithCancellation(cancellationToken))
        {
            // The handshake responses carry nothing we need; the token arrives as a header.
        }

        var token = (await call.GetResponseHeadersAsync()).Get("authorization") ?? call.GetTrailers().Get("authorization");
        if (token is not null)
        {
            Headers.Remove("authorization");
            Headers.Add("authorization", token);
        }

        return token;
    }

    /// <summary>The raw handshake call, for custom authentication exchanges.</summary>
    public GrpcCall<HandshakeRequest, HandshakeResponse> Handshake(CallOptions options = default) => channel.StartCall(FlightMethods.Handshake, With(options));

    public IAsyncEnumerable<FlightInfo> ListFlightsAsync(Criteria? criteria = null, CallOptions options = default) =>
        channel.ServerStreamingAsync(FlightMethods.ListFlights, criteria ?? new Criteria(), With(options));

    public Task<FlightInfo> GetFlightInfoAsync(FlightDescriptor descriptor, CallOptions options = default) =>
        channel.UnaryAsync(FlightMethods.GetFlightInfo, descriptor, With(options));

    public Task<PollInfo> PollFlightInfoAsync(FlightDescriptor descriptor, CallOptions options = default) =>
        channel.UnaryAsync(FlightMethods.PollFlightInfo, descriptor, With(options));

    public Task<SchemaResult> GetSchemaAsync(FlightDescriptor descriptor, CallOptions options = default) =>
        channel.UnaryAsync(FlightMethods.GetSchema, descriptor, With(options));

    public IAsyncEnumerable<FlightData> DoGetAsync(Ticket ticket, CallOptions options = default) =>
        channel.ServerStreamingAsync(FlightMethods.DoGet, ticket, With(options));

    /// <summary>Starts a DoPut: write FlightData (descriptor in the first), complete, then read PutResults.</summary>
    public GrpcCall<FlightData, PutResult> DoPut(CallOptions options = default) => channel.StartCall(FlightMethods.DoPut, With(options));

    public GrpcCall<FlightData, FlightData> DoExchange(CallOptions options = default) => channel.StartCall(FlightMethods.DoExchange, With(options));

    public IAsyncEnumerable<Result> DoActionAsync(FlightAction action, CallOptions options = default) =>
        channel.ServerStreamingAsync(FlightMethods.DoAction, action, With(options));

    public IAsyncEnumerable<ActionType> ListActionsAsync(CallOptions options = default) =>
        channel.ServerStreamingAsync(FlightMethods.ListActions, new Empty(), With(options));

    /// <summary>Runs an action and collects its results.</summary>
    public async Task<List<Result>> DoActionCollectAsync(string type, ByteString? body = null, CallOptions options = default, CancellationToken cancellationToken = default)
    {
        var results = new List<Result>();
        await foreach (var result in DoActionAsync(new FlightAction { Type = type, Body = body ?? ByteString.Empty }, options).WithCancellation(cancellationToken))
        {
            results.Add(result);
        }

        return results;
    }

    public void Dispose() => channel.Dispose();

    private CallOptions With(CallOptions options)
    {
        if (Headers.Count == 0)
        {
            return options;
        }

        var merged = new Metadata();
        foreach (var (key, value) in Headers)
        {
            merged.AddRaw(key, value);
        }

        if (options.Headers is { } extra)
        {
            foreach (var (key, value) in extra)
            {
                merged.AddRaw(key, value);
            }
        }

        return options with { Headers = merged };
    }
}
