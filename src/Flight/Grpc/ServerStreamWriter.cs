namespace Lakehouse.Flight.Grpc;

/// <summary>The response stream handed to streaming handlers.</summary>
internal sealed class ServerStreamWriter<T>(ServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        context.WriteMessageAsync(marshaller, message, cancellationToken);
}
