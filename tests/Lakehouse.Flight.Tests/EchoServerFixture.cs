using Lakehouse.Flight.Grpc;

namespace Lakehouse.Flight.Tests;

/// <summary>An in-process echo server on 127.0.0.1, port 0.</summary>
internal sealed class EchoServerFixture : IAsyncDisposable
{
    private EchoServerFixture(GrpcServer server, EchoService service)
    {
        Server = server;
        Service = service;
    }

    public GrpcServer Server { get; }

    public EchoService Service { get; }

    public Uri Address => Server.Address;

    public static async Task<EchoServerFixture> StartAsync(GrpcServerOptions? options = null)
    {
        var service = new EchoService();
        var server = new GrpcServer(service.Register(new GrpcServiceRegistry()), options ?? new GrpcServerOptions());
        await server.StartAsync();
        return new EchoServerFixture(server, service);
    }

    public GrpcChannel Channel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
