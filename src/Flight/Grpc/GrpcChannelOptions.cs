using System.Security.Cryptography.X509Certificates;

namespace Lakehouse.Flight.Grpc;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed record GrpcChannelOptions
{
    /// <summary>Largest response message accepted (bytes, after decompression); null: no limit.</summary>
    public int? MaxReceiveMessageSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest request message sent (bytes); null: no limit.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>gzip-compress request messages (grpc-encoding: gzip).</summary>
    public bool CompressRequests { get; init; }

    /// <summary>HTTP/2 PING after this much inactivity while calls are open; <see cref="Timeout.InfiniteTimeSpan"/> disables.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>For grpc+tls: accept a server certificate that chains to this one (e.g. a self-signed certificate).</summary>
    public X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>For grpc+tls: accept any server certificate. Tests and development only.</summary>
    public bool DangerousAcceptAnyServerCertificate { get; init; }

    /// <summary>Overrides the HTTP handler (then the TLS and keepalive settings above are the handler's business).</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
