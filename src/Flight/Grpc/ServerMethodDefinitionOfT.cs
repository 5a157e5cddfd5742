namespace Lakehouse.Flight.Grpc;

/// <summary>Runs a call: reads the request message(s), invokes the handler, writes the response(s).</summary>
internal sealed class ServerMethodDefinition<TRequest, TResponse> : ServerMethodDefinition
{
    private readonly Method<TRequest, TResponse> _method;
    private readonly Delegate _handler;

    public ServerMethodDefinition(Method<TRequest, TResponse> method, Delegate handler)
    {
        _method = method;
        _handler = handler;
    }

    public override string Path => _method.FullName;

    public override MethodType Type => _method.Type;

    public override async Task InvokeAsync(ServerCallContext context)
    {
        var reader = context.CreateReader(_method.RequestMarshaller);
        var ct = context.CancellationToken;
        switch (_method.Type)
        {
            case MethodType.Unary:
            {
                var request = await ReadSingleAsync(reader, ct);
                var response = await ((UnaryServerMethod<TRequest, TResponse>)_handler)(request, context);
                await context.WriteMessageAsync(_method.ResponseMarshaller, response, ct);
                break;
            }

            case MethodType.ServerStreaming:
            {
                var request = await ReadSingleAsync(reader, ct);
                var writer = new ServerStreamWriter<TResponse>(context, _method.ResponseMarshaller);
                await ((ServerStreamingServerMethod<TRequest, TResponse>)_handler)(request, writer, context);
                break;
            }

            case MethodType.ClientStreaming:
            {
                var response = await ((ClientStreamingServerMethod<TRequest, TResponse>)_handler)(reader.ReadAllAsync(ct), context);
                await context.WriteMessageAsync(_method.ResponseMarshaller, response, ct);
                break;
            }

            default:
            {
                var writer = new ServerStreamWriter<TResponse>(context, _method.ResponseMarshaller);
                await ((DuplexStreamingServerMethod<TRequest, TResponse>)_handler)(reader.ReadAllAsync(ct), writer, context);
                break;
            }
        }
    }

    private static async Task<TRequest> ReadSingleAsync(GrpcMessageReader<TRequest> reader, CancellationToken ct)
    {
        var (hasMessage, request) = await reader.ReadAsync(ct);
        if (!hasMessage)
        {
            throw new RpcException(StatusCode.Internal, "The request stream ended without a message.");
        }

        var (extra, _) = await reader.ReadAsync(ct);
        if (extra)
        {
            throw new RpcException(StatusCode.Internal, "More than one request message for a method that takes one.");
        }

        return request;
    }
}
