using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary><c>lakehouse sql</c>: statements, formats, catalog tables and one-line errors.</summary>
public sealed class SqlCommandTests
{
    [Fact]
    public void RunsAQueryAsCsv()
    {
        var (code, stdout, stderr) = CliRunner.Run("sql", "--format", "csv", "SELECT x, x * 2 AS y FROM (VALUES (1), (2)) AS t(x) ORDER BY x");
        Assert.True(code == 0, stderr);
        Assert.Equal("x,y\n1,2\n2,4\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void CreatesInsertsAndReadsCatalogTables()
    {
        var warehouse = RepoPaths.NewTempDirectory("lakehouse-sql-cli");
        var (code, stdout, stderr) = CliRunner.Run("sql", "--warehouse", warehouse, "--format", "jsonl",
            "CREATE SCHEMA s; CREATE TABLE s.t (id bigint, name varchar); INSERT INTO s.t VALUES (1, 'a'), (2, 'b'); SELECT name FROM s.t WHERE id = 2");
        Assert.True(code == 0, stderr);
        Assert.Contains("{\"name\":\"b\"}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsBinderErrorsOnOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("sql", "SELECT nme FROM (VALUES (1)) AS t(name)");
        Assert.Equal(1, code);
        Assert.Contains("lakehouse: error: Binder Error: column \"nme\" not found; did you mean \"name\"?", stderr, StringComparison.Ordinal);
    }
}
