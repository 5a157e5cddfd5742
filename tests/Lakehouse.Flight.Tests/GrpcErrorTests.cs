using System.Buffers;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Status codes, messages and trailers of failed calls.</summary>
public sealed class GrpcErrorTests
{
    public static TheoryData<int> AllErrorCodes()
    {
        var data = new TheoryData<int>();
        for (var code = 1; code <= 16; code++)
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllErrorCodes))]
    public async Task HandlerStatus_ReachesClient_WithSpecialCharacters(int code)
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        const string message = "bad: 100% \"quoted\" \u00e9t\u00e9 \u65e5\u672c \U0001F600\r\nline2 %41";
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { FailCode = code, FailMessage = message }));
        Assert.Equal((StatusCode)code, e.StatusCode);
        Assert.Equal(message, e.Status.Detail);
        Assert.Equal("extra", e.Trailers.Get("x-error-detail"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ErrorAfterStreamedMessages_ArrivesInTrailers(bool gzip)
    {
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { CompressResponses = gzip });
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.ServerStream, new EchoRequest { Count = 10, FailCode = (int)StatusCode.DataLoss, FailAfter = 3, FailMessage = "lost" });
        var received = 0;
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream)
            {
                received++;
            }
        });
        Assert.Equal(3, received);
        Assert.Equal(StatusCode.DataLoss, e.StatusCode);
        Assert.Equal("lost", e.Status.Detail);
        Assert.Equal("header-value", (await call.GetResponseHeadersAsync()).Get("x-echo-header"));
    }

    [Fact]
    public async Task UnexpectedException_IsInternal_WithoutLeakingDetails()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { FailCode = -1 }));
        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.DoesNotContain("secret", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMethodAndService_AreUnimplemented()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var unknownMethod = new Method<EchoRequest, EchoReply>(MethodType.Unary, EchoMethods.ServiceName, "Nope", EchoMethods.Unary.RequestMarshaller, EchoMethods.Unary.ResponseMarshaller);
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(unknownMethod, new EchoRequest()));
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.Contains("Nope", e.Status.Detail, StringComparison.Ordinal);

        var unknownService = new Method<EchoRequest, EchoReply>(MethodType.DuplexStreaming, "no.Such", "Thing", EchoMethods.Unary.RequestMarshaller, EchoMethods.Unary.ResponseMarshaller);
        using var call = channel.StartCall(unknownService);
        var e2 = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream)
            {
            }
        });
        Assert.Equal(StatusCode.Unimplemented, e2.StatusCode);
        Assert.Contains("no.Such", e2.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarbageRequestBytes_AreInternal_AndServerKeepsServing()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var raw = new Method<byte[], byte[]>(MethodType.Unary, EchoMethods.ServiceName, "Unary",
            new Marshaller<byte[]>((bytes, writer) => writer.Write(bytes), seq => seq.ToArray()),
            new Marshaller<byte[]>((bytes, writer) => writer.Write(bytes), seq => seq.ToArray()));
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(raw, new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0x7F, 1 }));
        Assert.Equal(StatusCode.Internal, e.StatusCode);
        Assert.Equal("ok", (await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "ok" })).Message);
    }

    [Fact]
    public async Task ConnectionRefused_IsUnavailable()
    {
        int port;
        await using (var server = await EchoServerFixture.StartAsync())
        {
            port = server.Server.Port;
        }

        using var channel = GrpcChannel.ForAddress($"grpc://127.0.0.1:{port}");
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()));
        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
    }
}
