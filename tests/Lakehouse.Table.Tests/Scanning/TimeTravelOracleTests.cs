using System.Globalization;
using System.Text.Json;
using Lakehouse.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>
/// Earlier snapshots of the fixture tables (time travel by snapshot id) against the same independent oracle
/// (iceberg-expected.mjs with TABLE@@SNAPSHOT). Snapshots whose files are gone from the fixtures must fail on both sides.
/// </summary>
public sealed class TimeTravelOracleTests(ITestOutputHelper output)
{
    private const int MaxSnapshotsPerTable = 8;

    [SkippableFact]
    public async Task EarlierSnapshotsMatchTheOracle()
    {
        var cases = new List<(string Folder, long SnapshotId)>();
        foreach (var folder in FixtureTables.All())
        {
            var table = IcebergTable.Load(folder);
            var snapshots = table.Metadata.Snapshots;
            if (snapshots.Count < 2)
            {
                continue;
            }

            foreach (var s in snapshots.Take(MaxSnapshotsPerTable))
            {
                cases.Add((folder, s.SnapshotId));
            }
        }

        var args = cases.Select(c => $"{c.Folder}@@{c.SnapshotId.ToString(CultureInfo.InvariantCulture)}").ToArray();
        var json = NodeOracle.Run("iceberg-expected.mjs", TimeSpan.FromMinutes(10), null, args);
        var expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement.Clone();
            expected[e.GetProperty("table").GetString()!] = e;
        }

        var mismatches = new List<string>();
        var compared = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (folder, id) = cases[i];
            var name = $"{FixtureTables.Name(folder)} @ {id}";
            var oracle = expected[args[i]];
            long rows;
            string? ours;
            try
            {
                (rows, ours) = await FixtureScanTests.ReadAllAsync(folder, id);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotFound)
            {
                (rows, ours) = (-1, e.Message);
            }

            if (!oracle.TryGetProperty("rows", out var rowsText))
            {
                output.WriteLine($"{name}: oracle {oracle}; ours {(ours ?? rows.ToString(CultureInfo.InvariantCulture))}");
                continue;
            }

            if (ours is not null && ours.StartsWith("not supported: ", StringComparison.Ordinal))
            {
                output.WriteLine($"{name}: {ours}");
                continue;
            }

            if (ours is not null)
            {
                mismatches.Add($"{name}: {ours}, the oracle read {rowsText}");
                continue;
            }

            compared++;
            var want = long.Parse(rowsText.GetString()!, CultureInfo.InvariantCulture);
            if (rows != want)
            {
                mismatches.Add($"{name}: we read {rows} rows, the oracle {want}");
            }
        }

        output.WriteLine($"{compared} snapshots compared of {cases.Count}");
        Assert.True(compared > 40, $"only {compared} snapshots compared");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
