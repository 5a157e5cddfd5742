using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Message size limits, gzip compression and back-pressure.</summary>
public sealed class GrpcLimitsTests
{
    [Fact]
    public async Task OversizedRequest_IsResourceExhausted()
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { MaxReceiveMessageSize = 1024 });
        using var channel = server.Channel();
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]) }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal(0, server.Service.Started);

        // Just below the limit still works, and the server is still serving.
        var ok = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[900]) });
        Assert.Equal(900, ok.Payload.Length);
    }

    [Fact]
    public async Task OversizedStreamedRequest_IsResourceExhausted()
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { MaxReceiveMessageSize = 4096 });
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.ClientStream);
        await call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[100]) });
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[10_000]) });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task OversizedResponse_IsResourceExhausted_OnBothSides()
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { MaxSendMessageSize = 10_000 });
        using var channel = server.Channel(new GrpcChannelOptions { MaxReceiveMessageSize = 5_000 });

        var sendLimit = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { ReplySize = 20_000 }));
        Assert.Equal(StatusCode.ResourceExhausted, sendLimit.StatusCode);

        var receiveLimit = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { ReplySize = 8_000 }));
        Assert.Equal(StatusCode.ResourceExhausted, receiveLimit.StatusCode);
        Assert.Contains("maximum", receiveLimit.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSendLimit_IsCheckedBeforeSending()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel(new GrpcChannelOptions { MaxSendMessageSize = 100 });
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[200]) }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal(0, server.Service.Started);
    }

    [Fact]
    public async Task Gzip_CompressesBothDirections()
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { CompressResponses = true, MaxReceiveMessageSize = 2_000_000 });
        using var channel = server.Channel(new GrpcChannelOptions { CompressRequests = true });
        var payload = new byte[1_000_000];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(i % 7);
        }

        using var call = channel.StartCall(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(payload) });
        var reply = await call.ResponseAsync;
        Assert.True(reply.Payload.Span.SequenceEqual(payload));
        Assert.Equal("gzip", reply.Metadata["seen-grpc-encoding"]);
        Assert.Equal("true", reply.Metadata["compress-responses"]);
    }

    [Fact]
    public async Task GzipBomb_IsRefusedByTheDecompressedSizeLimit()
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { MaxReceiveMessageSize = 100_000 });
        using var channel = server.Channel(new GrpcChannelOptions { CompressRequests = true });

        // 5 MB of zeros compress to a few KB: under the limit on the wire, far over it inflated.
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(new byte[5_000_000]) }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
    }

    [Fact]
    public async Task SlowReader_BoundsWhatTheServerProducesAhead()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.ServerStream, new EchoRequest { Count = 10_000, ReplySize = 1024 * 1024 });
        await using var replies = call.ResponseStream.GetAsyncEnumerator();
        Assert.True(await replies.MoveNextAsync());

        // Not reading: flow control must stop the handler long before it writes 10,000 MiB.
        // Wait until the producer stops advancing (bounded, so a flow-control bug fails instead of hanging).
        var before = -1;
        for (var i = 0; i < 50 && before != server.Service.Written; i++)
        {
            before = server.Service.Written;
            await Task.Delay(300);
        }

        Assert.InRange(server.Service.Written, 1, 64);
    }
}
