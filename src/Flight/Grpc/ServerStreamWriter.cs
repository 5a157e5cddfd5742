namespace Lakehouse.Flight.Grpc;

/// <summary>The response stream handed to streaming handlers.</summary>
internal sealed class ServerStreamWriter<T>(ServerCallContext context, Marshaller<T> marshaller) : IServerStreamWriter<T>, IRawMessageWriter
{
    public bool CanWriteRaw => !context.CompressResponses;

    public Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        context.WriteMessageAsync(marshaller, message, cancellationToken);

    public Task WriteRawAsync(ReadOnlyMemory<byte> prefix, IReadOnlyList<ReadOnlyMemory<byte>> segments, long payloadLength, CancellationToken cancellationToken) =>
        context.WriteRawMessageAsync(prefix, segments, payloadLength, cancellationToken);
}
