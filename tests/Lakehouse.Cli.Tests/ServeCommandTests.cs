using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public void ServeStartsPrintsItsAddressAndStops()
    {
        var warehouse = RepoPaths.NewTempDirectory("serve");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("serve", "--warehouse", warehouse, "--port", "0", "--exit-after", "300ms");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("grpc://127.0.0.1:", stdout.Trim(), StringComparison.Ordinal);
            Assert.Contains("anonymous admins from loopback only", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(warehouse, recursive: true);
        }
    }

    [Fact]
    public void ServeRejectsAUsersFileWithAnUnknownRole()
    {
        var dir = RepoPaths.NewTempDirectory("serve-users");
        try
        {
            var users = Path.Combine(dir, "users.json");
            File.WriteAllText(users, """{ "users": [ { "name": "x", "password": "pbkdf2-sha256:1000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "role": "root" } ] }""");
            var (code, _, stderr) = CliRunner.Run("serve", "--warehouse", dir, "--port", "0", "--users", users, "--exit-after", "100ms");
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("unknown role 'root'", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
