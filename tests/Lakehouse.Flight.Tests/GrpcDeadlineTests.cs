using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Deadlines (grpc-timeout) and cancellation, seen from both ends.</summary>
public sealed class GrpcDeadlineTests
{
    [Fact]
    public async Task Deadline_EndsSlowUnaryCall_AndCancelsTheHandler()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { DelayMs = 30_000 }, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Equal("/lakehouse.test.EchoService/Unary", await server.Service.HandlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Deadline_IsSentAsGrpcTimeout()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), CallOptions.WithTimeout(TimeSpan.FromSeconds(30)));
        var sent = reply.Metadata["seen-grpc-timeout"];
        Assert.True(GrpcProtocol.TryParseTimeout(sent, out var timeout), sent);
        Assert.InRange(timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30.001));
    }

    [Fact]
    public async Task ServerEnforcesGrpcTimeout_WithDeadlineExceededStatus()
    {
        // A raw HTTP/2 request with grpc-timeout and no client-side timer: only the server can end it.
        await using var server = await EchoServerFixture.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler());
        var frame = new PooledBufferWriter();
        MessageFraming.WriteFrame(frame, EchoMethods.Unary.RequestMarshaller, new EchoRequest { DelayMs = 30_000 }, null, gzip: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{server.Server.Port}/lakehouse.test.EchoService/Unary")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame.WrittenSpan.ToArray()),
        };
        frame.Dispose();
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", "200m");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : response.TrailingHeaders.GetValues("grpc-status").First();
        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task CancellingMidStream_StopsTheServerHandler()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        using var cts = new CancellationTokenSource();
        using var call = channel.StartCall(EchoMethods.ServerStream, new EchoRequest { Count = 1_000_000, DelayMs = 5 }, new CallOptions(CancellationToken: cts.Token));
        var received = 0;
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream)
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(StatusCode.Cancelled, e.StatusCode);
        Assert.Equal(3, received);
        Assert.Equal("/lakehouse.test.EchoService/ServerStream", await server.Service.HandlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task DisposingAnUnfinishedCall_CancelsIt_AndServerStaysUp()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var call = channel.StartCall(EchoMethods.Bidi);
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a" });
        await using (var replies = call.ResponseStream.GetAsyncEnumerator())
        {
            Assert.True(await replies.MoveNextAsync());
        }

        await call.RequestStream.WriteAsync(new EchoRequest { Message = "b", DelayMs = 30_000 });
        await Task.Delay(50);
        call.Dispose();
        await server.Service.HandlerCancelled.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("ok", (await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "ok" })).Message);
    }

    [Fact]
    public async Task ExpiredDeadline_FailsWithoutSending()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Equal(0, server.Service.Started);
    }
}
