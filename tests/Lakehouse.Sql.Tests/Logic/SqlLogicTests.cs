using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Sql.Tests.Logic;

/// <summary>
/// Every tests/sql/**/*.test file, at the default batch size and at batch size 2 (operators must be
/// correct across batch boundaries). Set LAKEHOUSE_SQL_COMPLETE=1 to fill missing expectations for review.
/// </summary>
public sealed class SqlLogicTests
{
    public static TheoryData<string, int> Files()
    {
        var data = new TheoryData<string, int>();
        var root = Path.Combine(RepoPaths.Root, "tests", "sql");
        foreach (var file in Directory.EnumerateFiles(root, "*.test", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            data.Add(rel, SqlEngineOptions.DefaultBatchSize);
            data.Add(rel, 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Run(string file, int batchSize)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "sql", file);
        var complete = Environment.GetEnvironmentVariable("LAKEHOUSE_SQL_COMPLETE") == "1" && batchSize == SqlEngineOptions.DefaultBatchSize;
        var failures = await LogicTestRunner.RunAsync(path, batchSize, complete);
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s) in {file} at batch size {batchSize}:\n\n" + string.Join("\n\n", failures));
    }
}
