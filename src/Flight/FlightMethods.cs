using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

using FlightAction = Lakehouse.Flight.Protocol.Action;

namespace Lakehouse.Flight;

/// <summary>The methods of <c>arrow.flight.protocol.FlightService</c>, shared by server and client.</summary>
public static class FlightMethods
{
    public const string ServiceName = "arrow.flight.protocol.FlightService";

    public static readonly Method<HandshakeRequest, HandshakeResponse> Handshake =
        Create(MethodType.DuplexStreaming, "Handshake", HandshakeRequest.Parser, HandshakeResponse.Parser);

    public static readonly Method<Criteria, FlightInfo> ListFlights =
        Create(MethodType.ServerStreaming, "ListFlights", Criteria.Parser, FlightInfo.Parser);

    public static readonly Method<FlightDescriptor, FlightInfo> GetFlightInfo =
        Create(MethodType.Unary, "GetFlightInfo", FlightDescriptor.Parser, FlightInfo.Parser);

    public static readonly Method<FlightDescriptor, PollInfo> PollFlightInfo =
        Create(MethodType.Unary, "PollFlightInfo", FlightDescriptor.Parser, PollInfo.Parser);

    public static readonly Method<FlightDescriptor, SchemaResult> GetSchema =
        Create(MethodType.Unary, "GetSchema", FlightDescriptor.Parser, SchemaResult.Parser);

    public static readonly Method<Ticket, FlightData> DoGet =
        Create(MethodType.ServerStreaming, "DoGet", Ticket.Parser, FlightData.Parser);

    public static readonly Method<FlightData, PutResult> DoPut =
        Create(MethodType.DuplexStreaming, "DoPut", FlightData.Parser, PutResult.Parser);

    public static readonly Method<FlightData, FlightData> DoExchange =
        Create(MethodType.DuplexStreaming, "DoExchange", FlightData.Parser, FlightData.Parser);

    public static readonly Method<FlightAction, Result> DoAction =
        Create(MethodType.ServerStreaming, "DoAction", FlightAction.Parser, Result.Parser);

    public static readonly Method<Empty, ActionType> ListActions =
        Create(MethodType.ServerStreaming, "ListActions", Empty.Parser, ActionType.Parser);

    private static Method<TRequest, TResponse> Create<TRequest, TResponse>(MethodType type, string name, Google.Protobuf.MessageParser<TRequest> request, Google.Protobuf.MessageParser<TResponse> response)
        where TRequest : Google.Protobuf.IMessage<TRequest>
        where TResponse : Google.Protobuf.IMessage<TResponse>
        => new(type, ServiceName, name, Marshallers.Protobuf(request), Marshallers.Protobuf(response));
}
