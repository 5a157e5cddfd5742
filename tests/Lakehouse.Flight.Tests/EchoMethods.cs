using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

namespace Lakehouse.Flight.Tests;

/// <summary>The methods of the test-only lakehouse.test.EchoService (Protos/echo.proto).</summary>
internal static class EchoMethods
{
    public const string ServiceName = "lakehouse.test.EchoService";

    public static readonly Method<EchoRequest, EchoReply> Unary = Create(MethodType.Unary, "Unary");
    public static readonly Method<EchoRequest, EchoReply> ServerStream = Create(MethodType.ServerStreaming, "ServerStream");
    public static readonly Method<EchoRequest, EchoReply> ClientStream = Create(MethodType.ClientStreaming, "ClientStream");
    public static readonly Method<EchoRequest, EchoReply> Bidi = Create(MethodType.DuplexStreaming, "Bidi");

    public static string ProtoPath => Path.Combine(Lakehouse.Testing.RepoPaths.Root, "tests", "Lakehouse.Flight.Tests", "Protos", "echo.proto");

    private static Method<EchoRequest, EchoReply> Create(MethodType type, string name) =>
        new(type, ServiceName, name, Marshallers.Protobuf(EchoRequest.Parser), Marshallers.Protobuf(EchoReply.Parser));
}
