namespace Lakehouse.Flight.Grpc;

/// <summary>Settings of a <see cref="GrpcServer"/>. Validated when the server is created.</summary>
public sealed record GrpcServerOptions
{
    /// <summary>Address to bind: an IP address, <c>localhost</c>, or <c>*</c> / <c>0.0.0.0</c> for all interfaces.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="GrpcServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>TLS certificate: a PEM file (with <see cref="TlsKeyPath"/>) or a PKCS#12 file (.pfx/.p12). Null: h2c.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>PEM private key for <see cref="TlsCertificatePath"/>, when the certificate file does not hold it.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Password of a PKCS#12 certificate file or of an encrypted PEM key.</summary>
    public string? TlsPassword { get; init; }

    /// <summary>Largest request message accepted (bytes, after decompression); null: no limit. Larger -> RESOURCE_EXHAUSTED.</summary>
    public int? MaxReceiveMessageSize { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest response message sent (bytes, before compression); null: no limit. Larger -> RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>gzip-compress response messages when the client accepts gzip. Off by default (Arrow data compresses poorly per message and costs CPU).</summary>
    public bool CompressResponses { get; init; }

    /// <summary>HTTP/2 PING sent after this much inactivity on a connection; <see cref="Timeout.InfiniteTimeSpan"/> disables.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connection closed when a keepalive PING gets no answer within this time.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Concurrent calls (HTTP/2 streams) per connection.</summary>
    public int MaxConcurrentStreams { get; init; } = 100;

    /// <summary>Put exception messages of unexpected handler failures into grpc-message (for development only).</summary>
    public bool IncludeExceptionDetails { get; init; }

    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "port must be 0..65535");
        }

        if (MaxReceiveMessageSize is <= 0 || MaxSendMessageSize is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReceiveMessageSize), "message size limits must be positive");
        }

        if (MaxConcurrentStreams <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentStreams), MaxConcurrentStreams, "must be positive");
        }

        if (TlsKeyPath is not null && TlsCertificatePath is null)
        {
            throw new ArgumentException("a TLS key needs a TLS certificate", nameof(TlsKeyPath));
        }

        if (TlsCertificatePath is not null && !File.Exists(TlsCertificatePath))
        {
            throw new FileNotFoundException("TLS certificate file not found", TlsCertificatePath);
        }

        if (TlsKeyPath is not null && !File.Exists(TlsKeyPath))
        {
            throw new FileNotFoundException("TLS key file not found", TlsKeyPath);
        }
    }
}
