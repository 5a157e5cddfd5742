namespace Lakehouse.Flight.Grpc;

/// <summary>
/// Sends response messages of a streaming call. Each write is flushed and awaits the transport, so a slow
/// client slows the producer instead of the server buffering the stream. Not safe for concurrent writes.
/// </summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
