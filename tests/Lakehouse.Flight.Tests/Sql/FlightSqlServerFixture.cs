using Lakehouse.Flight.Auth;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>A Flight SQL server on a free loopback port over a <see cref="TestSqlBackend"/>, with users alice (admin) and bob (reader).</summary>
internal sealed class FlightSqlServerFixture : IAsyncDisposable
{
    public const string AdminPassword = "alice-pw";
    public const string ReaderPassword = "bob-pw";

    private FlightSqlServerFixture(GrpcServer server, FlightSqlServer flightSql, TestSqlBackend backend)
    {
        Server = server;
        FlightSql = flightSql;
        Backend = backend;
    }

    public GrpcServer Server { get; }

    public FlightSqlServer FlightSql { get; }

    public TestSqlBackend Backend { get; }

    public string Address => Server.Address.ToString();

    public static UserStore TestUsers(AnonymousAccess? anonymous = null) => new(
        [
            new UserEntry("alice", PasswordHash.Create(AdminPassword, 1000), FlightSqlRole.Admin),
            new UserEntry("bob", PasswordHash.Create(ReaderPassword, 1000), FlightSqlRole.Reader),
        ],
        anonymous ?? new AnonymousAccess(false, FlightSqlRole.Reader, true));

    public static async Task<FlightSqlServerFixture> StartAsync(FlightSqlServerOptions? options = null, TestSqlBackend? backend = null, GrpcServerOptions? grpc = null)
    {
        backend ??= new TestSqlBackend();
        options ??= new FlightSqlServerOptions { Users = TestUsers() };
        var flightSql = new FlightSqlServer(backend, options);
        var server = new GrpcServer(flightSql.RegisterWithAuthentication(new GrpcServiceRegistry()), grpc);
        await server.StartAsync();
        return new FlightSqlServerFixture(server, flightSql, backend);
    }

    public async Task<FlightClient> ConnectAsync(string user = "alice", string? password = null)
    {
        var client = FlightClient.Connect(Address);
        await client.HandshakeAsync(user, password ?? (user == "alice" ? AdminPassword : ReaderPassword));
        return client;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
