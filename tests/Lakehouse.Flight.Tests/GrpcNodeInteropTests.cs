using System.Diagnostics;
using System.Text.Json;

using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Flight.Tests;

/// <summary>
/// @grpc/grpc-js (an implementation nobody here wrote) against our server, and our client against a
/// grpc-js server (tests/interop/grpc-client.mjs, grpc-server.mjs).
/// </summary>
public sealed class GrpcNodeInteropTests
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GrpcJsClient_AgainstOurServer_AllCallShapesErrorsDeadlinesMetadata(bool compressResponses)
    {
        // With compressResponses every reply is gzip-framed, so grpc-js also checks our compressed messages.
        await using var server = await EchoServerFixture.StartAsync(new GrpcServerOptions { CompressResponses = compressResponses });
        var json = await Task.Run(() => NodeOracle.Run("grpc-client.mjs", TimeSpan.FromSeconds(60), null, "echo", $"127.0.0.1:{server.Server.Port}", EchoMethods.ProtoPath));
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;

        var unary = r.GetProperty("unary");
        Assert.Equal(0, unary.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("hello", unary.GetProperty("message").GetString());
        Assert.Equal("payload", unary.GetProperty("payload").GetString());
        Assert.Equal("from-node", unary.GetProperty("custom").GetString());
        Assert.Equal(Convert.ToBase64String(new byte[] { 0, 1, 2, 255 }), unary.GetProperty("blob").GetString()!.PadRight(8, '='));
        Assert.Equal("header-value", unary.GetProperty("header").GetString());
        Assert.Equal("trailer-value", unary.GetProperty("trailer").GetString());

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], r.GetProperty("serverStream").GetProperty("indexes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("10", r.GetProperty("clientStream").GetProperty("total").GetString());
        Assert.Equal("1000", r.GetProperty("clientStream").GetProperty("bytes").GetString());
        Assert.Equal(["ping0", "ping1", "ping2", "ping3", "ping4"], r.GetProperty("bidi").GetProperty("got").EnumerateArray().Select(e => e.GetString()));

        var error = r.GetProperty("error");
        Assert.Equal((int)StatusCode.NotFound, error.GetProperty("code").GetInt32());
        Assert.Equal(error.GetProperty("expected").GetString(), error.GetProperty("details").GetString());
        Assert.Equal("extra", error.GetProperty("trailer").GetString());

        var mid = r.GetProperty("errorMidStream");
        if (!compressResponses)
        {
            // grpc-js inflates messages asynchronously and may report the status before delivering the
            // messages that preceded it (our own client receives all 3 in GrpcErrorTests), so only the
            // plain run counts them.
            Assert.Equal(3, mid.GetProperty("received").GetInt32());
        }

        Assert.Equal((int)StatusCode.DataLoss, mid.GetProperty("code").GetInt32());
        Assert.Equal("lost", mid.GetProperty("details").GetString());

        Assert.Equal((int)StatusCode.DeadlineExceeded, r.GetProperty("deadline").GetProperty("code").GetInt32());
        Assert.True(GrpcProtocol.TryParseTimeout(r.GetProperty("timeoutHeader").GetString(), out var timeout));
        Assert.InRange(timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61));
        Assert.Equal((int)StatusCode.Unimplemented, r.GetProperty("unimplemented").GetProperty("code").GetInt32());
        Assert.Equal(3, r.GetProperty("cancel").GetProperty("received").GetInt32());
        Assert.Equal((int)StatusCode.Cancelled, r.GetProperty("cancel").GetProperty("code").GetInt32());

        var gzip = r.GetProperty("gzip");
        Assert.Equal(0, gzip.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal("gzip", gzip.GetProperty("encoding").GetString());
        Assert.Equal(compressResponses ? "true" : "false", gzip.GetProperty("compressedResponses").GetString());
        Assert.Equal(100_000, gzip.GetProperty("length").GetInt32());
        Assert.Equal(3 * 1024 * 1024, r.GetProperty("largeReply").GetProperty("length").GetInt32());

        // The server survived all of it.
        using var channel = server.Channel();
        Assert.Equal("up", (await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "up" })).Message);
    }

    [SkippableFact]
    public async Task GrpcJsClient_LoadsOurFlightProtos_AndTalksToOurFlightService()
    {
        await using var server = new GrpcServer(new TestFlightService().Register(new GrpcServiceRegistry()));
        await server.StartAsync();
        var protos = Path.Combine(RepoPaths.Root, "src", "Flight", "Protos");
        var json = await Task.Run(() => NodeOracle.Run("grpc-client.mjs", TimeSpan.FromSeconds(60), null, "flight", $"127.0.0.1:{server.Port}", protos));
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;

        Assert.True(r.GetProperty("sqlMessages").GetInt32() > 40);
        var handshake = r.GetProperty("handshake");
        Assert.Equal(0, handshake.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(TestFlightService.Token, handshake.GetProperty("token").GetString());
        Assert.Equal(["alice"], handshake.GetProperty("payloads").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ExpireSnapshots", "TableStatistics"], r.GetProperty("actions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, r.GetProperty("doGet").GetProperty("count").GetInt32());
        Assert.Equal((int)StatusCode.Unauthenticated, r.GetProperty("noToken").GetProperty("code").GetInt32());
        Assert.Equal((int)StatusCode.Unimplemented, r.GetProperty("poll").GetProperty("code").GetInt32());
    }

    [SkippableFact]
    public async Task OurClient_AgainstGrpcJsServer()
    {
        // A bounded run: a protocol bug must fail the test, not hang the suite.
        await OurClient_AgainstGrpcJsServerCoreAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task OurClient_AgainstGrpcJsServerCoreAsync()
    {
        Skip.If(!Directory.Exists(Path.Combine(RepoPaths.Interop, "node_modules")), "tests/interop/node_modules is missing: run the test command (it runs npm ci)");
        using var node = StartNodeServer(out var port);
        try
        {
            using var channel = GrpcChannel.ForAddress($"grpc://127.0.0.1:{port}");

            // Unary with metadata, response headers and trailers.
            var headers = new Metadata().Add("x-custom", "from-dotnet").AddBinary("x-blob-bin", [9, 8, 7]);
            using (var call = channel.StartCall(EchoMethods.Unary, new EchoRequest { Message = "hello", Payload = ByteString.CopyFromUtf8("p") }, new CallOptions(headers)))
            {
                var reply = await call.ResponseAsync;
                Assert.Equal("hello", reply.Message);
                Assert.Equal("p", reply.Payload.ToStringUtf8());
                Assert.Equal("from-dotnet", reply.Metadata["x-custom"]);
                Assert.Equal(Convert.ToBase64String(new byte[] { 9, 8, 7 }), reply.Metadata["x-blob-bin"]);
                Assert.Equal("header-value", (await call.GetResponseHeadersAsync()).Get("x-echo-header"));
                Assert.Equal("trailer-value", call.GetTrailers().Get("x-echo-trailer"));
            }

            // Server streaming (gzip-compressed by grpc-js), large enough to need several frames.
            var indexes = new List<int>();
            await foreach (var reply in channel.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Count = 6, ReplySize = 300_000 }))
            {
                Assert.Equal(300_000, reply.Payload.Length);
                indexes.Add(reply.Index);
            }

            Assert.Equal([0, 1, 2, 3, 4, 5], indexes);

            // Client streaming, with gzip-compressed requests.
            using (var zipped = GrpcChannel.ForAddress($"grpc://127.0.0.1:{port}", new GrpcChannelOptions { CompressRequests = true }))
            using (var call = zipped.StartCall(EchoMethods.ClientStream))
            {
                for (var i = 0; i < 10; i++)
                {
                    await call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[1000]) });
                }

                await call.RequestStream.CompleteAsync();
                var reply = await call.ResponseAsync;
                Assert.Equal(10, reply.Total);
                Assert.Equal(10_000, reply.Bytes);
            }

            // Bidi ping-pong.
            using (var call = channel.StartCall(EchoMethods.Bidi))
            {
                await using var replies = call.ResponseStream.GetAsyncEnumerator();
                for (var i = 0; i < 5; i++)
                {
                    await call.RequestStream.WriteAsync(new EchoRequest { Message = "ping" + i });
                    Assert.True(await replies.MoveNextAsync());
                    Assert.Equal("ping" + i, replies.Current.Message);
                }

                await call.RequestStream.CompleteAsync();
                Assert.False(await replies.MoveNextAsync());
            }

            // Errors: Trailers-Only with a percent-encoded message, and after streamed messages.
            const string special = "bad: 100% \u00e9t\u00e9 \u65e5\u672c\r\nline2";
            var e = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { FailCode = 7, FailMessage = special }));
            Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
            Assert.Equal(special, e.Status.Detail);
            Assert.Equal("extra", e.Trailers.Get("x-error-detail"));

            var received = 0;
            var mid = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var _ in channel.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Count = 10, FailCode = 15, FailAfter = 3, FailMessage = "lost" }))
                {
                    received++;
                }
            });
            Assert.Equal(3, received);
            Assert.Equal(StatusCode.DataLoss, mid.StatusCode);

            // Deadline, unknown method, cancellation mid-stream.
            var deadline = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { DelayMs = 20_000 }, CallOptions.WithTimeout(TimeSpan.FromMilliseconds(300))));
            Assert.Equal(StatusCode.DeadlineExceeded, deadline.StatusCode);

            var nope = new Method<EchoRequest, EchoReply>(MethodType.Unary, EchoMethods.ServiceName, "Nope", EchoMethods.Unary.RequestMarshaller, EchoMethods.Unary.ResponseMarshaller);
            Assert.Equal(StatusCode.Unimplemented, (await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(nope, new EchoRequest()))).StatusCode);

            using var cts = new CancellationTokenSource();
            var got = 0;
            var cancelled = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                await foreach (var _ in channel.ServerStreamingAsync(EchoMethods.ServerStream, new EchoRequest { Count = 1_000_000, DelayMs = 5 }, new CallOptions(CancellationToken: cts.Token)))
                {
                    if (++got == 3)
                    {
                        await cts.CancelAsync();
                    }
                }
            });
            Assert.Equal(StatusCode.Cancelled, cancelled.StatusCode);

            Assert.Equal("still", (await channel.UnaryAsync(EchoMethods.Unary, new EchoRequest { Message = "still" })).Message);
        }
        finally
        {
            StopNodeServer(node);
        }
    }

    private static Process StartNodeServer(out int port)
    {
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, "grpc-server.mjs"));
        psi.ArgumentList.Add(EchoMethods.ProtoPath);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var lineTask = process.StandardOutput.ReadLineAsync();
        if (!lineTask.Wait(TimeSpan.FromSeconds(30)) || lineTask.Result is not { } line || !line.StartsWith("PORT ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("grpc-server.mjs did not report its port: " + process.StandardError.ReadToEnd());
        }

        port = int.Parse(line.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
        return process;
    }

    private static void StopNodeServer(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
