using System.Net;
using System.Security.Cryptography.X509Certificates;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// A gRPC server on Kestrel: HTTP/2 with prior knowledge (h2c) or over TLS, serving the methods of a
/// <see cref="GrpcServiceRegistry"/>.
/// </summary>
/// <example>
/// <code>
/// var registry = new GrpcServiceRegistry().AddUnary(EchoMethods.Unary, (request, context) => ...);
/// await using var server = new GrpcServer(registry, new GrpcServerOptions { Port = 0 });
/// await server.StartAsync();
/// using var channel = GrpcChannel.ForAddress(server.Address);
/// </code>
/// </example>
public sealed class GrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    private bool _started;

    public GrpcServer(GrpcServiceRegistry registry, GrpcServerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _options = options ?? new GrpcServerOptions();
        _options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger("Lakehouse.Flight.Grpc");

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(ConfigureKestrel);
        _app = builder.Build();
        var dispatcher = new GrpcRequestDispatcher(registry, _options, _logger);
        _app.Run(dispatcher.HandleAsync);
    }

    /// <summary>The bound port (after <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary><c>grpc://host:port</c> or <c>grpc+tls://host:port</c> (after <see cref="StartAsync"/>).</summary>
    public Uri Address { get; private set; } = new("grpc://127.0.0.1:0");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        _started = true;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no listening address");
        Port = new Uri(first.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;
        var host = _options.Host is "*" or "0.0.0.0" or "::" ? "127.0.0.1" : _options.Host;
        var scheme = _options.TlsCertificatePath is null ? "grpc" : "grpc+tls";
        Address = new Uri($"{scheme}://{(host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host)}:{Port}");
        _logger.ServerListening(Address.ToString());
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            _started = false;
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await StopAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Calls still running after the grace period are aborted by disposal.
            }
        }

        await _app.DisposeAsync();
    }

    private void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = null; // streams are unbounded; message sizes are limited per message
        limits.MinRequestBodyDataRate = null; // idle streaming calls are legitimate
        limits.MinResponseDataRate = null; // slow readers get back-pressure, not a disconnect
        limits.Http2.KeepAlivePingDelay = _options.KeepAlivePingDelay;
        limits.Http2.KeepAlivePingTimeout = _options.KeepAlivePingTimeout;
        limits.Http2.MaxStreamsPerConnection = _options.MaxConcurrentStreams;
        limits.Http2.InitialConnectionWindowSize = 4 * 1024 * 1024;
        limits.Http2.InitialStreamWindowSize = 2 * 1024 * 1024;

        void Listen(ListenOptions listen)
        {
            listen.Protocols = HttpProtocols.Http2;
            if (_options.TlsCertificatePath is not null)
            {
                listen.UseHttps(LoadCertificate());
            }
        }

        switch (_options.Host)
        {
            case "*" or "0.0.0.0":
                kestrel.Listen(IPAddress.Any, _options.Port, Listen);
                break;
            case "::":
                kestrel.Listen(IPAddress.IPv6Any, _options.Port, Listen);
                break;
            case "localhost":
                kestrel.Listen(IPAddress.Loopback, _options.Port, Listen);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(_options.Host), _options.Port, Listen);
                break;
        }
    }

    private X509Certificate2 LoadCertificate()
    {
        var path = _options.TlsCertificatePath!;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, _options.TlsPassword);
        }

        var keyPath = _options.TlsKeyPath ?? path;
        return _options.TlsPassword is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, _options.TlsPassword, keyPath);
    }
}
