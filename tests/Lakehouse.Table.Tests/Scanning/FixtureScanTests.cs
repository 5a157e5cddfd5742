using System.Text;
using Lakehouse.Table.Scanning;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Every fixture table's current snapshot is planned and read, or fails with a precise "not supported: …".</summary>
public sealed class FixtureScanTests(ITestOutputHelper output)
{
    internal static async Task<(long Rows, string? NotSupported)> ReadAllAsync(string folder, long? snapshotId = null)
    {
        var table = IcebergTable.Load(folder);
        var scan = table.NewScan();
        if (snapshotId is { } id)
        {
            scan.UseSnapshot(id);
        }

        long rows = 0;
        try
        {
            await foreach (var batch in scan.ToBatchesAsync())
            {
                rows += batch.Length;
            }
        }
        catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotSupported)
        {
            return (rows, e.Message);
        }

        return (rows, null);
    }

    [SkippableFact]
    public async Task EveryFixtureTableReadsOrIsPreciselyUnsupported()
    {
        var tables = FixtureTables.All();
        Assert.True(tables.Count > 60, $"only {tables.Count} fixture tables found");
        var report = new StringBuilder();
        var failures = new List<string>();
        foreach (var folder in tables)
        {
            var name = FixtureTables.Name(folder);
            try
            {
                var (rows, notSupported) = await ReadAllAsync(folder);
                report.AppendLine(notSupported is null ? $"{name}: {rows} rows" : $"{name}: {notSupported}");
                Assert.True(notSupported is null || notSupported.StartsWith("not supported: ", StringComparison.Ordinal), notSupported);
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
