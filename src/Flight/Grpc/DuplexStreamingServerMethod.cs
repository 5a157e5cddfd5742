namespace Lakehouse.Flight.Grpc;

/// <summary>Handler of a call with streams in both directions.</summary>
public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncEnumerable<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
