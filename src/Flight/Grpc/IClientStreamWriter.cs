namespace Lakehouse.Flight.Grpc;

/// <summary>Sends the request messages of a client- or duplex-streaming call. Not safe for concurrent writes.</summary>
public interface IClientStreamWriter<in T>
{
    /// <summary>Sends one message; completes when the transport has taken it (HTTP/2 flow control applies).</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);

    /// <summary>Ends the request stream (END_STREAM); no writes may follow.</summary>
    Task CompleteAsync();
}
