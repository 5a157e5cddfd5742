using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Expressions;
using Ex = Lakehouse.Table.Expressions.Expressions;
using Lakehouse.Table.IO;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Filtered scans prune files (partition values through transforms, column metrics) without losing matching rows.</summary>
public sealed class ScanPruningTests
{
    private const string Partitioned = "iceberg/apache__impala@b21595276c6c/testdata/data/iceberg_test/iceberg_partitioned";

    private static async Task<(int Files, List<string> Matching)> ScanAsync(Expression? filter, Func<string, int?, bool> keep)
    {
        var scan = IcebergTable.Load(SharedFixtures.Require(Partitioned)).NewScan().Select("action", "id");
        if (filter is not null)
        {
            scan.Where(filter);
        }

        var files = scan.PlanFiles().Count;
        var rows = new List<string>();
        await foreach (var batch in scan.ToBatchesAsync())
        {
            var action = (BinaryArray)batch.Column(0);
            var id = (PrimitiveArray<int>)batch.Column(1);
            for (var r = 0; r < batch.Length; r++)
            {
                var a = action.GetString(r)!;
                var i = id.GetValue(r);
                if (keep(a, i))
                {
                    rows.Add($"{a}/{i}");
                }
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return (files, rows);
    }

    [SkippableFact]
    public async Task IdentityPartitionFilterPrunesFilesAndKeepsEveryMatchingRow()
    {
        var all = await ScanAsync(null, (a, _) => a == "click");
        var pruned = await ScanAsync(Ex.Equal("action", "click"), (a, _) => a == "click");
        Assert.Equal(20, all.Files);
        Assert.True(pruned.Files < all.Files, $"{pruned.Files} files planned");
        Assert.NotEmpty(all.Matching);
        Assert.Equal(all.Matching, pruned.Matching);
    }

    [SkippableFact]
    public async Task MetricsFilterPrunesFilesAndKeepsEveryMatchingRow()
    {
        var all = await ScanAsync(null, (_, i) => i > 15);
        var pruned = await ScanAsync(Ex.GreaterThan("id", 15), (_, i) => i > 15);
        Assert.True(pruned.Files < all.Files, $"{pruned.Files} files planned");
        Assert.NotEmpty(all.Matching);
        Assert.Equal(all.Matching, pruned.Matching);
    }

    [SkippableFact]
    public async Task ResidualFiltersAreAppliedToRows()
    {
        var expected = await ScanAsync(null, (a, i) => a == "click" && i is > 3 and < 17);
        var filtered = await ScanAsync(Ex.And(Ex.Equal("action", "click"), Ex.And(Ex.GreaterThan("id", 3), Ex.LessThan("id", 17))), (_, _) => true);
        Assert.NotEmpty(expected.Matching);
        Assert.Equal(expected.Matching, filtered.Matching);
    }

    [SkippableFact]
    public void ResidualsAreKeptForTheRows()
    {
        var scan = IcebergTable.Load(SharedFixtures.Require(Partitioned)).NewScan()
            .Where(Ex.And(Ex.Equal("action", "click"), Ex.GreaterThan("id", 3)));
        var tasks = scan.PlanFiles();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Contains("id", t.Residual.ToString(), StringComparison.Ordinal));
        Assert.All(tasks, t => Assert.DoesNotContain("action", t.Residual.ToString(), StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ResidualsFilterRowsInsideAFile(bool apply)
    {
        var table = IcebergTable.Load(SharedFixtures.Require("iceberg/GlareDB__glaredb@44911bcf3919/testdata/iceberg/tables-v2/lineitem_simple"));
        long all = 0;
        long matching = 0;
        await foreach (var batch in table.NewScan().Select("l_linenumber").ToBatchesAsync())
        {
            var line = (PrimitiveArray<int>)batch.Column(0);
            for (var r = 0; r < batch.Length; r++)
            {
                all++;
                matching += line.Value(r) == 3 ? 1 : 0;
            }
        }

        var scan = table.NewScan().Select("l_orderkey").Where(Ex.Equal("l_linenumber", 3));
        scan.ApplyResiduals = apply;
        long read = 0;
        await foreach (var batch in scan.ToBatchesAsync())
        {
            read += batch.Length;
        }

        Assert.InRange(matching, 1, all - 1);
        Assert.Equal(apply ? matching : all, read);
    }

    [Fact]
    public void FileLocatorResolvesMovedTablePaths()
    {
        var root = RepoPaths.NewTempDirectory("iceberg-locator");
        try
        {
            var table = Path.Combine(root, "t");
            Directory.CreateDirectory(Path.Combine(table, "data"));
            Directory.CreateDirectory(Path.Combine(root, "t_data"));
            File.WriteAllText(Path.Combine(table, "data", "a.parquet"), "x");
            File.WriteAllText(Path.Combine(root, "t_data", "b.parquet"), "x");
            var locator = new FileLocator(table, "s3://bucket/warehouse/t");
            var a = Path.Combine(table, "data", "a.parquet");
            Assert.Equal(a, locator.Resolve("s3://bucket/warehouse/t/data/a.parquet"));
            Assert.Equal(a, locator.Resolve("file:///elsewhere/warehouse/t/data/a.parquet"));
            Assert.Equal(a, locator.Resolve("hdfs://nn:8020/other/place/t/data/a.parquet"));
            Assert.Equal(a, locator.Resolve("data/a.parquet"));
            Assert.Equal(a, locator.Resolve(a));
            Assert.Equal(Path.Combine(root, "t_data", "b.parquet"), locator.Resolve("/warehouse/t_data/b.parquet"));
            var e = Assert.Throws<IcebergException>(() => locator.Resolve("s3://bucket/warehouse/t/data/missing.parquet"));
            Assert.Contains("missing.parquet", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
