using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

using FlightAction = Lakehouse.Flight.Protocol.Action;

namespace Lakehouse.Flight;

/// <summary>
/// Base class of a Flight server: override the RPCs you serve; the others answer UNIMPLEMENTED. Handlers
/// signal errors with <see cref="RpcException"/> (map domain exceptions to status codes here, at the
/// Flight boundary). Register an instance with <see cref="Register"/>.
/// </summary>
public abstract class FlightServiceBase
{
    /// <summary>Adds every FlightService method to <paramref name="registry"/>, routed to this instance.</summary>
    public GrpcServiceRegistry Register(GrpcServiceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddDuplexStreaming(FlightMethods.Handshake, HandshakeAsync)
            .AddServerStreaming(FlightMethods.ListFlights, ListFlightsAsync)
            .AddUnary(FlightMethods.GetFlightInfo, GetFlightInfoAsync)
            .AddUnary(FlightMethods.PollFlightInfo, PollFlightInfoAsync)
            .AddUnary(FlightMethods.GetSchema, GetSchemaAsync)
            .AddServerStreaming(FlightMethods.DoGet, DoGetAsync)
            .AddDuplexStreaming(FlightMethods.DoPut, DoPutAsync)
            .AddDuplexStreaming(FlightMethods.DoExchange, DoExchangeAsync)
            .AddServerStreaming(FlightMethods.DoAction, DoActionAsync)
            .AddServerStreaming(FlightMethods.ListActions, ListActionsAsync);
    }

    public virtual Task HandshakeAsync(IAsyncEnumerable<HandshakeRequest> requests, IServerStreamWriter<HandshakeResponse> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.Handshake));

    public virtual Task ListFlightsAsync(Criteria criteria, IServerStreamWriter<FlightInfo> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.ListFlights));

    public virtual Task<FlightInfo> GetFlightInfoAsync(FlightDescriptor descriptor, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.GetFlightInfo));

    public virtual Task<PollInfo> PollFlightInfoAsync(FlightDescriptor descriptor, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.PollFlightInfo));

    public virtual Task<SchemaResult> GetSchemaAsync(FlightDescriptor descriptor, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.GetSchema));

    public virtual Task DoGetAsync(Ticket ticket, IServerStreamWriter<FlightData> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.DoGet));

    public virtual Task DoPutAsync(IAsyncEnumerable<FlightData> requests, IServerStreamWriter<PutResult> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.DoPut));

    public virtual Task DoExchangeAsync(IAsyncEnumerable<FlightData> requests, IServerStreamWriter<FlightData> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.DoExchange));

    public virtual Task DoActionAsync(FlightAction action, IServerStreamWriter<Result> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.DoAction));

    public virtual Task ListActionsAsync(Empty request, IServerStreamWriter<ActionType> responses, ServerCallContext context) =>
        throw Unimplemented(nameof(FlightMethods.ListActions));

    private static RpcException Unimplemented(string method) =>
        new(StatusCode.Unimplemented, $"{method} is not implemented by this Flight server");
}
