using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Tests.Echo;

namespace Lakehouse.Flight.Tests;

/// <summary>Server side of the test echo service; records what it observed for the tests to check.</summary>
internal sealed class EchoService
{
    private int _started;
    private int _cancelled;
    private int _written;

    /// <summary>Completed when a handler saw its call being cancelled (client cancel or deadline).</summary>
    public TaskCompletionSource<string> HandlerCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Started => Volatile.Read(ref _started);

    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>Replies written by ServerStream handlers so far.</summary>
    public int Written => Volatile.Read(ref _written);

    public GrpcServiceRegistry Register(GrpcServiceRegistry registry) => registry
        .AddUnary(EchoMethods.Unary, UnaryAsync)
        .AddServerStreaming(EchoMethods.ServerStream, ServerStreamAsync)
        .AddClientStreaming(EchoMethods.ClientStream, ClientStreamAsync)
        .AddDuplexStreaming(EchoMethods.Bidi, BidiAsync);

    private async Task<EchoReply> UnaryAsync(EchoRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref _started);
        using var watch = Watch(context);
        await DelayAsync(request, context);
        FailIfAsked(request);
        context.ResponseHeaders.Add("x-echo-header", "header-value");
        context.ResponseTrailers.Add("x-echo-trailer", "trailer-value");
        return Reply(request, 0, context);
    }

    private async Task ServerStreamAsync(EchoRequest request, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        Interlocked.Increment(ref _started);
        using var watch = Watch(context);
        context.ResponseHeaders.Add("x-echo-header", "header-value");
        for (var i = 0; i < request.Count; i++)
        {
            if (request.FailCode > 0 && i == request.FailAfter)
            {
                throw new RpcException((StatusCode)request.FailCode, request.FailMessage);
            }

            await DelayAsync(request, context);
            await responses.WriteAsync(Reply(request, i, context));
            Interlocked.Increment(ref _written);
        }

        FailIfAsked(request);
        context.ResponseTrailers.Add("x-echo-trailer", "trailer-value");
    }

    private async Task<EchoReply> ClientStreamAsync(IAsyncEnumerable<EchoRequest> requests, ServerCallContext context)
    {
        Interlocked.Increment(ref _started);
        using var watch = Watch(context);
        long total = 0, bytes = 0;
        var last = new EchoRequest();
        await foreach (var request in requests)
        {
            FailIfAsked(request);
            total++;
            bytes += request.Payload.Length;
            last = request;
        }

        var reply = Reply(last, 0, context);
        reply.Total = total;
        reply.Bytes = bytes;
        return reply;
    }

    private async Task BidiAsync(IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        Interlocked.Increment(ref _started);
        using var watch = Watch(context);
        var index = 0;
        await foreach (var request in requests)
        {
            await DelayAsync(request, context);
            FailIfAsked(request);
            await responses.WriteAsync(Reply(request, index++, context));
        }
    }

    /// <summary>Records the cancellation of a call while its handler runs (wherever the handler is waiting).</summary>
    private CancellationTokenRegistration Watch(ServerCallContext context) =>
        context.CancellationToken.Register(() =>
        {
            Interlocked.Increment(ref _cancelled);
            HandlerCancelled.TrySetResult(context.Method);
        });

    private async Task DelayAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs <= 0)
        {
            return;
        }

        await Task.Delay(request.DelayMs, context.CancellationToken);
    }

    private static void FailIfAsked(EchoRequest request)
    {
        if (request.FailCode > 0 && request.FailAfter == 0)
        {
            var trailers = new Metadata().Add("x-error-detail", "extra");
            throw new RpcException((StatusCode)request.FailCode, request.FailMessage, trailers);
        }

        if (request.FailCode < 0)
        {
            throw new InvalidOperationException("secret internal detail");
        }
    }

    private static EchoReply Reply(EchoRequest request, int index, ServerCallContext context)
    {
        var reply = new EchoReply { Message = request.Message, Index = index, Payload = request.Payload };
        if (request.ReplySize > 0)
        {
            reply.Payload = ByteString.CopyFrom(new byte[request.ReplySize]);
        }

        foreach (var (key, value) in context.RequestHeaders)
        {
            reply.Metadata[key] = value;
        }

        // What the transport saw, for the compression and deadline tests.
        var headers = context.HttpContext.Request.Headers;
        reply.Metadata["seen-grpc-encoding"] = headers["grpc-encoding"].ToString();
        reply.Metadata["seen-grpc-timeout"] = headers["grpc-timeout"].ToString();
        reply.Metadata["compress-responses"] = context.CompressResponses ? "true" : "false";
        return reply;
    }
}
