using System.Text.Json;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Logic;

/// <summary>
/// The expected results in tests/sql are checked against DuckDB (tests/interop/sql-oracle.mjs) over the
/// same Parquet files, so they are not just copies of our own output. Records marked "# oracle: skip …"
/// are documented dialect differences.
/// </summary>
public sealed class DuckDbOracleTests
{
    [SkippableFact]
    public void ExpectedResultsAgreeWithDuckDb()
    {
        Skip.IfNot(Directory.Exists(Path.Combine(RepoPaths.Interop, "node_modules", "@duckdb")), "npm ci in tests/interop first");
        var root = Path.Combine(RepoPaths.Root, "tests", "sql");
        var files = Directory.EnumerateFiles(root, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var output = NodeOracle.Run("sql-oracle.mjs", ["check", TestData.Directory.Replace('\\', '/'), .. files]);
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var status = doc.RootElement.GetProperty("status").GetString();
            if (status == "ok")
            {
                checkedCount++;
            }
            else if (status != "skip")
            {
                problems.Add(line);
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} record(s) disagree with DuckDB ({checkedCount} agree):\n" + string.Join('\n', problems));
        Assert.True(checkedCount > 0);
    }
}
