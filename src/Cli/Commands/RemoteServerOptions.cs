using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Lakehouse.Flight;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Sql;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>--server grpc://host:port|grpc+tls://host:port</c> with <c>--user/--password</c> (Basic handshake → bearer
/// token) or <c>--token</c>, <c>--tls-roots FILE</c> (PEM) and <c>--insecure</c>. Environment fallbacks:
/// LAKEHOUSE_SERVER, LAKEHOUSE_USER, LAKEHOUSE_PASSWORD, LAKEHOUSE_TOKEN (so passwords need not be on the command line).
/// </summary>
public sealed class RemoteServerOptions
{
    public Option<string?> Server { get; } = new("--server") { Description = "Run on a Flight SQL server (grpc://host:port or grpc+tls://host:port) instead of the embedded engine; env LAKEHOUSE_SERVER.", HelpName = "URI" };

    public Option<string?> User { get; } = new("--user") { Description = "User name for the server (Basic handshake); env LAKEHOUSE_USER.", HelpName = "NAME" };

    public Option<string?> Password { get; } = new("--password") { Description = "Password for --user; env LAKEHOUSE_PASSWORD.", HelpName = "PASSWORD" };

    public Option<string?> Token { get; } = new("--token") { Description = "Bearer token instead of --user/--password; env LAKEHOUSE_TOKEN.", HelpName = "TOKEN" };

    public Option<string?> TlsRoots { get; } = new("--tls-roots") { Description = "PEM certificate to trust for grpc+tls:// (e.g. a self-signed server certificate).", HelpName = "FILE" };

    public Option<bool> Insecure { get; } = new("--insecure") { Description = "Accept any server certificate (testing only)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(User);
        command.Options.Add(Password);
        command.Options.Add(Token);
        command.Options.Add(TlsRoots);
        command.Options.Add(Insecure);
    }

    /// <summary>A connected (and authenticated when credentials are given) client, or null without a server.</summary>
    public async Task<FlightSqlClient?> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var server = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_SERVER");
        if (string.IsNullOrEmpty(server))
        {
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("grpc" or "grpc+tcp" or "grpc+tls"))
        {
            throw new CliUsageException($"--server must be grpc://host:port or grpc+tls://host:port, not '{server}'");
        }

        var roots = parse.GetValue(TlsRoots);
        var options = new GrpcChannelOptions
        {
            TrustedCertificate = roots is null ? null : X509CertificateLoader.LoadCertificateFromFile(roots),
            DangerousAcceptAnyServerCertificate = parse.GetValue(Insecure),
        };
        var flight = new FlightClient(GrpcChannel.ForAddress(uri, options));
        try
        {
            var user = parse.GetValue(User) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_USER");
            var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_TOKEN");
            if (!string.IsNullOrEmpty(user))
            {
                var password = parse.GetValue(Password) ?? Environment.GetEnvironmentVariable("LAKEHOUSE_PASSWORD") ?? string.Empty;
                await flight.HandshakeAsync(user, password, cancellationToken).ConfigureAwait(false);
            }
            else if (!string.IsNullOrEmpty(token))
            {
                flight.Headers.Add("authorization", "Bearer " + token);
            }

            return new FlightSqlClient(flight);
        }
        catch
        {
            flight.Dispose();
            throw;
        }
    }
}
