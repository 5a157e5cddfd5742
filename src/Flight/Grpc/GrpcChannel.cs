using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// A client connection to a gRPC server over HttpClient's HTTP/2: <c>grpc://</c> (or <c>http://</c>) uses
/// HTTP/2 with prior knowledge, <c>grpc+tls://</c> (or <c>https://</c>) negotiates h2 over TLS. Calls are
/// multiplexed over pooled connections; the channel is thread-safe.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    internal const string UserAgent = "grpc-lakehouse/1.0";

    private readonly HttpMessageInvoker _invoker;

    private GrpcChannel(Uri baseUri, GrpcChannelOptions options)
    {
        BaseUri = baseUri;
        Options = options;
        _invoker = new HttpMessageInvoker(options.HttpHandler ?? CreateHandler(options), disposeHandler: true);
    }

    /// <summary>The HTTP base address (<c>http://host:port/</c> or <c>https://host:port/</c>).</summary>
    public Uri BaseUri { get; }

    public GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker => _invoker;

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        var secure = address.Scheme switch
        {
            "grpc" or "grpc+tcp" or "http" => false,
            "grpc+tls" or "https" => true,
            _ => throw new ArgumentException($"unsupported scheme '{address.Scheme}': use grpc://, grpc+tls://, http:// or https://", nameof(address)),
        };
        var builder = new UriBuilder(secure ? "https" : "http", address.Host, address.Port, "/");
        return new GrpcChannel(builder.Uri, options ?? new GrpcChannelOptions());
    }

    /// <summary>Starts a client- or duplex-streaming call; send through <see cref="GrpcCall{TRequest, TResponse}.RequestStream"/>.</summary>
    public GrpcCall<TRequest, TResponse> StartCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options = default)
    {
        if (method.Type is MethodType.Unary or MethodType.ServerStreaming)
        {
            throw new ArgumentException($"{method.FullName} takes a single request: pass it to StartCall", nameof(method));
        }

        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.Start(hasRequest: false, default);
        return call;
    }

    /// <summary>Starts a unary or server-streaming call with its request.</summary>
    public GrpcCall<TRequest, TResponse> StartCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
    {
        if (method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming)
        {
            throw new ArgumentException($"{method.FullName} takes a request stream: use StartCall without a request", nameof(method));
        }

        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        try
        {
            call.Start(hasRequest: true, request);
        }
        catch
        {
            call.Dispose();
            throw;
        }

        return call;
    }

    /// <summary>A unary call: the response, or <see cref="RpcException"/>.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
    {
        using var call = StartCall(method, request, options);
        return await call.ResponseAsync;
    }

    /// <summary>A server-streaming call as an async sequence; breaking out of the loop cancels the call.</summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = StartCall(method, request, options);
        await foreach (var response in call.ResponseStream.WithCancellation(cancellationToken))
        {
            yield return response;
        }
    }

    public void Dispose() => _invoker.Dispose();

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            KeepAlivePingTimeout = options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            InitialHttp2StreamWindowSize = 8 * 1024 * 1024, // several 2 MiB FlightData messages in flight per DoGet
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        if (options.DangerousAcceptAnyServerCertificate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (options.TrustedCertificate is { } trusted)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(trusted, certificate, errors);
        }

        return handler;
    }

    private static bool Validate(X509Certificate2 trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using var presented = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }
}
