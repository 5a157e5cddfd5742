using System.Diagnostics.CodeAnalysis;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// The methods a <see cref="GrpcServer"/> serves, keyed by path. Register handlers for each
/// <see cref="Method{TRequest, TResponse}"/> before starting the server; calls to other paths get
/// UNIMPLEMENTED.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, ServerMethodDefinition> _methods = new(StringComparer.Ordinal);

    private readonly List<CallFilter> _filters = [];

    public IEnumerable<string> Paths => _methods.Keys;

    /// <summary>Filters run in registration order before every call's handler.</summary>
    internal IReadOnlyList<CallFilter> Filters => _filters;

    /// <summary>Adds a filter that runs before every handler (authentication, limits, logging).</summary>
    public GrpcServiceRegistry AddCallFilter(CallFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _filters.Add(filter);
        return this;
    }

    public GrpcServiceRegistry AddUnary<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.Unary, handler);

    public GrpcServiceRegistry AddServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.ServerStreaming, handler);

    public GrpcServiceRegistry AddClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.ClientStreaming, handler);

    public GrpcServiceRegistry AddDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler) =>
        Add(method, MethodType.DuplexStreaming, handler);

    internal bool TryGetMethod(string path, [NotNullWhen(true)] out ServerMethodDefinition? method) => _methods.TryGetValue(path, out method);

    /// <summary>Whether any method of <paramref name="serviceName"/> is registered (for the UNIMPLEMENTED message).</summary>
    internal bool HasService(string serviceName)
    {
        var prefix = "/" + serviceName + "/";
        foreach (var path in _methods.Keys)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private GrpcServiceRegistry Add<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType expected, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(handler);
        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.FullName} is a {method.Type} method, not {expected}", nameof(method));
        }

        if (!_methods.TryAdd(method.FullName, new ServerMethodDefinition<TRequest, TResponse>(method, handler)))
        {
            throw new ArgumentException($"{method.FullName} is already registered", nameof(method));
        }

        return this;
    }
}
