namespace Lakehouse.Flight.Grpc;

/// <summary>
/// Runs before every handler of a registry (e.g. to check a Bearer token). Throw <see cref="RpcException"/>
/// to end the call with that status; store what handlers need (the authenticated user) in
/// <see cref="ServerCallContext.UserState"/>.
/// </summary>
public delegate ValueTask CallFilter(ServerCallContext context);
