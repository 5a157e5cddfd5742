using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>Our client against our server for the four call shapes, with metadata.</summary>
public sealed class GrpcCallShapeTests
{
    [Fact]
    public async Task Unary_EchoesMessage_AndCarriesMetadataBothWays()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var headers = new Metadata().Add("x-custom", "abc").AddBinary("x-blob-bin", [0, 1, 2, 255]);
        using var call = channel.StartCall(EchoMethods.Unary, new EchoRequest { Message = "hello", Payload = ByteString.CopyFromUtf8("payload") }, new CallOptions(headers));
        var reply = await call.ResponseAsync;

        Assert.Equal("hello", reply.Message);
        Assert.Equal("payload", reply.Payload.ToStringUtf8());
        Assert.Equal("abc", reply.Metadata["x-custom"]);
        Assert.Equal(Convert.ToBase64String(new byte[] { 0, 1, 2, 255 }), reply.Metadata["x-blob-bin"].PadRight(8, '='));
        Assert.Equal("header-value", (await call.GetResponseHeadersAsync()).Get("x-echo-header"));
        Assert.Equal("trailer-value", call.GetTrailers().Get("x-echo-trailer"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_ReturnsEveryReplyInOrder()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var indexes = new List<int>();
        await foreach (var reply in channel.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Message = "s", Count = 25 }))
        {
            Assert.Equal("s", reply.Message);
            indexes.Add(reply.Index);
        }

        Assert.Equal(Enumerable.Range(0, 25), indexes);
    }

    [Fact]
    public async Task ServerStreaming_WithNoReplies_EndsCleanly()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.ServerStream, new EchoRequest { Count = 0 });
        var count = 0;
        await foreach (var _ in call.ResponseStream)
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_SumsAllRequests()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.ClientStream);
        for (var i = 0; i < 40; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "m" + i, Payload = ByteString.CopyFrom(new byte[1000 + i]) });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;
        Assert.Equal(40, reply.Total);
        Assert.Equal((40 * 1000) + (39 * 40 / 2), reply.Bytes);
        Assert.Equal("m39", reply.Message);
    }

    [Fact]
    public async Task Bidi_InterleavesRequestsAndReplies()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        using var call = channel.StartCall(EchoMethods.Bidi);
        await using var replies = call.ResponseStream.GetAsyncEnumerator();
        for (var i = 0; i < 10; i++)
        {
            // Each reply is read before the next request is sent: a real ping-pong, not buffered batches.
            await call.RequestStream.WriteAsync(new EchoRequest { Message = "ping" + i });
            Assert.True(await replies.MoveNextAsync());
            Assert.Equal("ping" + i, replies.Current.Message);
            Assert.Equal(i, replies.Current.Index);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await replies.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task LargeMessages_CrossMultipleHttp2Frames()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var payload = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(payload);
        var reply = await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Payload = ByteString.CopyFrom(payload) });
        Assert.True(reply.Payload.Span.SequenceEqual(payload));
    }
}
