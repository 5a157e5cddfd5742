using System.CommandLine;
using System.Reflection;

using Lakehouse.Flight.Auth;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Sql;
using Lakehouse.Sql;
using Lakehouse.Table.Catalog;

using Microsoft.Extensions.Logging;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse serve</c>: the Arrow Flight SQL server (JDBC, ADBC, Superset) over the SQL engine and the
/// warehouse's Iceberg catalog. Without <c>--users</c> only anonymous loopback callers are admitted (the
/// embedded default); see spec/flight.md for the users file and every option.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var warehouse = new Option<string?>("--warehouse") { Description = "Warehouse root for new tables (default ./warehouse).", HelpName = "DIR" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog URI (default sqlite:{warehouse}/catalog.db; postgresql://… for shared catalogs).", HelpName = "URI" };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => 31337 };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "TLS certificate (PEM or PFX); serves grpc+tls.", HelpName = "FILE" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "TLS private key (PEM) for --tls-cert.", HelpName = "FILE" };
        var users = new Option<string?>("--users") { Description = "Users file (JSON, see spec/flight.md); without it anonymous callers from 127.0.0.1 only.", HelpName = "FILE" };
        var maxQueries = new Option<int>("--max-concurrent-queries") { Description = "Queries running at once; more wait.", DefaultValueFactory = _ => 16 };
        var queryTimeout = new Option<string?>("--query-timeout") { Description = "Per-query time limit (e.g. 30s, 10m; default 30m).", HelpName = "DURATION" };
        var memoryLimit = new Option<long?>("--query-memory-limit") { Description = "Bytes one query may hold in operator state.", HelpName = "BYTES" };
        var exitAfter = new Option<string?>("--exit-after") { Description = "Stop after this long instead of waiting for Ctrl+C/SIGTERM; for scripts.", HelpName = "DURATION" };
        var hashPassword = new Option<bool>("--hash-password") { Description = "Read a password from stdin, print its hash for the users file and exit." };
        var command = new Command("serve", "Run the Arrow Flight SQL server over the warehouse (JDBC, ADBC, Superset connect to grpc://host:port).")
        {
            warehouse, catalog, host, port, tlsCert, tlsKey, users, maxQueries, queryTimeout, memoryLimit, exitAfter, hashPassword,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(hashPassword))
            {
                var password = Console.In.ReadLine() ?? throw new CliUsageException("--hash-password reads the password from stdin");
                context.Console.Out.WriteLine(PasswordHash.Create(password));
                return ExitCodes.Success;
            }

            if ((parse.GetValue(tlsCert) is null) != (parse.GetValue(tlsKey) is null) && parse.GetValue(tlsKey) is not null)
            {
                throw new CliUsageException("--tls-key needs --tls-cert");
            }

            var userStore = parse.GetValue(users) is { } usersFile ? LoadUsers(usersFile) : UserStore.LoopbackAnonymous;
            var options = new FlightSqlServerOptions
            {
                Users = userStore,
                MaxConcurrentQueries = parse.GetValue(maxQueries) is var m and >= 1 ? m : throw new CliUsageException("--max-concurrent-queries must be at least 1"),
                QueryTimeout = KafkaCommand.ParseDuration(parse.GetValue(queryTimeout), "--query-timeout") ?? TimeSpan.FromMinutes(30),
            };
            var grpc = new GrpcServerOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                TlsCertificatePath = parse.GetValue(tlsCert),
                TlsKeyPath = parse.GetValue(tlsKey),
            };
            var after = KafkaCommand.ParseDuration(parse.GetValue(exitAfter), "--exit-after");
            var sqlCatalog = CatalogFactory.Open(parse.GetValue(warehouse), parse.GetValue(catalog));
            var engine = new SqlEngine(new SqlEngineOptions { Catalog = sqlCatalog, MemoryLimitBytes = parse.GetValue(memoryLimit) });
            var version = typeof(ServeCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1";
            return RunAsync(context, sqlCatalog, new SqlEngineBackend(engine, version), options, grpc, after, userStore).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IAsyncDisposable catalog, IFlightSqlBackend backend, FlightSqlServerOptions options, GrpcServerOptions grpc, TimeSpan? after, UserStore users)
    {
        await using var catalogLease = catalog;
        using var signal = new ShutdownSignal(after);
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var flightSql = new FlightSqlServer(backend, options, loggers);
        await using var server = new GrpcServer(flightSql.RegisterWithAuthentication(new GrpcServiceRegistry()), grpc, loggers);
        await server.StartAsync(signal.Token).ConfigureAwait(false);
        context.Console.Out.WriteLine(server.Address.ToString());
        context.Console.Out.Flush();
        var auth = users.Count > 0 ? $"{users.Count} user(s)" : "no users";
        if (users.Anonymous.Enabled)
        {
            auth += $", anonymous {users.Anonymous.Role.ToString().ToLowerInvariant()}s{(users.Anonymous.LoopbackOnly ? " from loopback only" : string.Empty)}";
        }

        context.Console.Error.WriteLine($"lakehouse: Flight SQL server on {server.Address} ({auth}); stop with Ctrl+C");
        try
        {
            await Task.Delay(Timeout.Infinite, signal.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, SIGTERM or --exit-after.
        }

        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static UserStore LoadUsers(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--users: {path} does not exist");
        }

        try
        {
            return UserStore.Load(path);
        }
        catch (FormatException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
