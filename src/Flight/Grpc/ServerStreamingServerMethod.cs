namespace Lakehouse.Flight.Grpc;

/// <summary>Handler of a call with one request and a stream of responses.</summary>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
