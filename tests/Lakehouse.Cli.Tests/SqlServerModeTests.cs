using Lakehouse.Flight.Auth;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Sql;
using Lakehouse.Sql;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary><c>lakehouse sql --server</c>: statements run on a Flight SQL server (ours, over a temporary warehouse) through our client.</summary>
public sealed class SqlServerModeTests : IAsyncLifetime
{
    private const string Password = "s3cret-pw";
    private readonly string _warehouse = RepoPaths.NewTempDirectory("sql-server-mode");
    private SqlCatalog? _catalog;
    private GrpcServer? _server;

    private string Address => _server!.Address.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _catalog = CatalogFactory.Open(_warehouse);
        var users = new UserStore([new UserEntry("ana", PasswordHash.Create(Password, 1000), FlightSqlRole.Admin)], new AnonymousAccess(false, FlightSqlRole.Reader, true));
        var flightSql = new FlightSqlServer(new SqlEngineBackend(new SqlEngine(new SqlEngineOptions { Catalog = _catalog }), "test"), new FlightSqlServerOptions { Users = users });
        _server = new GrpcServer(flightSql.RegisterWithAuthentication(new GrpcServiceRegistry()));
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        await _catalog!.DisposeAsync();
        Directory.Delete(_warehouse, recursive: true);
    }

    [Fact]
    public void StatementsAndQueriesRunOnTheServer()
    {
        var (code, stdout, stderr) = CliRunner.Run(
            "sql", "--server", Address, "--user", "ana", "--password", Password, "--format", "csv",
            "CREATE SCHEMA s; CREATE TABLE s.t (id bigint, name varchar); INSERT INTO s.t VALUES (1, 'a'), (2, NULL), (3, 'c,d'); SELECT id, name FROM s.t ORDER BY id");
        Assert.True(code == 0, stderr);
        Assert.Equal("3 rows\nid,name\n1,a\n2,\n3,\"c,d\"\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));

        // The table is in the server's warehouse: the embedded engine over the same catalog sees it.
        var (localCode, local, localErr) = CliRunner.Run("sql", "--warehouse", _warehouse, "--format", "csv", "SELECT count(*) AS n FROM s.t");
        Assert.True(localCode == 0, localErr);
        Assert.Equal("n\n3\n", local.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ServerErrorsAreReportedOnOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("sql", "--server", Address, "--user", "ana", "--password", Password, "SELECT * FROM nowhere.t");
        Assert.Equal(1, code);
        Assert.StartsWith("lakehouse: error: server: InvalidArgument: ", stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public void WrongPasswordIsRejected()
    {
        var (code, _, stderr) = CliRunner.Run("sql", "--server", Address, "--user", "ana", "--password", "wrong", "SELECT 1");
        Assert.Equal(1, code);
        Assert.Contains("Unauthenticated", stderr);
    }

    [Fact]
    public void BadServerAddressesAreUsageErrors()
    {
        var (code, _, stderr) = CliRunner.Run("sql", "--server", "http://127.0.0.1:1", "SELECT 1");
        Assert.Equal(2, code);
        Assert.Contains("--server must be grpc://host:port or grpc+tls://host:port", stderr);
    }
}
