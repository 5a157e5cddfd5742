namespace Lakehouse.Flight.Grpc;

/// <summary>Handler of a call with a stream of requests and one response.</summary>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncEnumerable<TRequest> requestStream, ServerCallContext context);
