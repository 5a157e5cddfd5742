using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

using Xunit;

namespace Lakehouse.Flight.Tests;

public sealed class GrpcConcurrencyTests
{
    [Fact]
    public async Task FiftyConcurrentClients_AllStreamSuccessfully_AndServerStaysUp()
    {
        await using var server = await EchoServerFixture.StartAsync();
        var clients = Enumerable.Range(0, 50).Select(async client =>
        {
            // Separate channels: separate HTTP/2 connections.
            using var channel = server.Channel();
            var count = 0;
            await foreach (var reply in channel.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Message = "c" + client, Count = 20, ReplySize = 16 * 1024 }))
            {
                Assert.Equal("c" + client, reply.Message);
                Assert.Equal(count++, reply.Index);
            }

            using var bidi = channel.StartCall(EchoMethods.Bidi);
            await using var replies = bidi.ResponseStream.GetAsyncEnumerator();
            for (var i = 0; i < 5; i++)
            {
                await bidi.RequestStream.WriteAsync(new EchoRequest { Message = $"{client}/{i}", Payload = ByteString.CopyFrom(new byte[1000]) });
                Assert.True(await replies.MoveNextAsync());
                Assert.Equal($"{client}/{i}", replies.Current.Message);
            }

            await bidi.RequestStream.CompleteAsync();
            Assert.False(await replies.MoveNextAsync());
            return count;
        }).ToArray();

        var counts = await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(counts, c => Assert.Equal(20, c));

        using var after = server.Channel();
        Assert.Equal("still up", (await after.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "still up" })).Message);
    }

    [Fact]
    public async Task ManyCallsOnOneChannel_AreMultiplexed()
    {
        await using var server = await EchoServerFixture.StartAsync();
        using var channel = server.Channel();
        var calls = Enumerable.Range(0, 200).Select(i => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "m" + i })).ToArray();
        var replies = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));
        for (var i = 0; i < replies.Length; i++)
        {
            Assert.Equal("m" + i, replies[i].Message);
        }
    }
}
