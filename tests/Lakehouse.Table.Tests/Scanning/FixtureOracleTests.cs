using System.Text.Json;
using Lakehouse.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>
/// Live row counts of every fixture table's current snapshot against an independent oracle
/// (tests/interop/iceberg-expected.mjs: avro-js for manifests, the spec's delete rules, DuckDB for the data files).
/// Counts only (not row multisets); tables either side cannot read (variant, Puffin data files) are listed, not compared.
/// </summary>
public sealed class FixtureOracleTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task LiveRowCountsMatchAvroJsPlusDuckDb()
    {
        var tables = FixtureTables.All();
        var json = NodeOracle.Run("iceberg-expected.mjs", TimeSpan.FromMinutes(10), null, [.. tables]);
        var expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement.Clone();
            expected[e.GetProperty("table").GetString()!] = e;
        }

        var mismatches = new List<string>();
        var compared = 0;
        foreach (var folder in tables)
        {
            var name = FixtureTables.Name(folder);
            var oracle = expected[folder];
            if (!oracle.TryGetProperty("rows", out var rowsText))
            {
                output.WriteLine($"{name}: oracle could not compute ({oracle})");
                continue;
            }

            var (rows, notSupported) = await FixtureScanTests.ReadAllAsync(folder);
            if (notSupported is not null)
            {
                output.WriteLine($"{name}: {notSupported}");
                continue;
            }

            compared++;
            var want = long.Parse(rowsText.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (rows != want)
            {
                mismatches.Add($"{name}: we read {rows} rows, the oracle {want}");
            }
        }

        output.WriteLine($"{compared} tables compared");
        Assert.True(compared > 60, $"only {compared} tables compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
