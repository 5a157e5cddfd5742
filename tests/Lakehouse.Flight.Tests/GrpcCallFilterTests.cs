using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Call filters (the hook for Bearer authentication) and HTTP-level request validation.</summary>
public sealed class GrpcCallFilterTests
{
    [Fact]
    public async Task Filter_RejectsCallsWithoutToken_AndPassesStateToHandlers()
    {
        var registry = new GrpcServiceRegistry()
            .AddCallFilter(context =>
            {
                if (context.RequestHeaders.Get("authorization") != "Bearer good")
                {
                    throw new RpcException(StatusCode.Unauthenticated, "no valid token");
                }

                context.UserState["user"] = "alice";
                return ValueTask.CompletedTask;
            })
            .AddUnary(EchoMethods.Unary, (request, context) => Task.FromResult(new EchoReply { Message = (string)context.UserState["user"]! }));
        await using var server = new GrpcServer(registry);
        await server.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.Address);

        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        var wrong = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new CallOptions(new Metadata().Add("authorization", "Bearer bad"))));
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);

        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new CallOptions(new Metadata().Add("authorization", "Bearer good")));
        Assert.Equal("alice", reply.Message);
    }

    [Fact]
    public async Task NonGrpcRequests_AreRefusedAtTheHttpLevel()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler());
        var url = $"http://127.0.0.1:{server.Server.Port}/lakehouse.test.EchoService/Unary";

        using var json = new HttpRequestMessage(HttpMethod.Post, url) { Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact, Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        using var jsonResponse = await http.SendAsync(json);
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, jsonResponse.StatusCode);

        using var get = new HttpRequestMessage(HttpMethod.Get, url) { Version = System.Net.HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var getResponse = await http.SendAsync(get);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, getResponse.StatusCode);
        Assert.Equal(0, server.Service.Started);
    }
}
