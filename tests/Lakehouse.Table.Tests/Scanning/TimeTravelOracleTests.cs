using System.Globalization;
using System.Text.Json;
using Lakehouse.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>
/// Earlier snapshots of the fixture tables (time travel by snapshot id) against the same independent oracle
/// (iceberg-expected.mjs with TABLE@@SNAPSHOT=>OURS.parquet): row counts and row multisets. Snapshots whose files are gone from the fixtures must fail on both sides.
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

        var dir = Directory.CreateTempSubdirectory("lakehouse-oracle-tt-");
        try
        {
            var ours = new List<(long Rows, string? Problem)>();
            var args = new string[cases.Count];
            for (var i = 0; i < cases.Count; i++)
            {
                var (folder, id) = cases[i];
                var path = Path.Combine(dir.FullName, $"s{i}.parquet");
                (long, string?) result;
                try
                {
                    result = await FixtureOracleTests.WriteRowsAsync(folder, id, path);
                }
                catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotFound)
                {
                    result = (-1, e.Message);
                }

                ours.Add(result);
                var target = $"{folder}@@{id.ToString(CultureInfo.InvariantCulture)}";
                args[i] = result.Item2 is null ? $"{target}=>{path}" : target;
            }

            var json = NodeOracle.Run("iceberg-expected.mjs", TimeSpan.FromMinutes(10), null, args);
            var expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var e = JsonDocument.Parse(line).RootElement.Clone();
                expected[e.GetProperty("table").GetString()!] = e;
            }

            var mismatches = new List<string>();
            int compared = 0, multisets = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var (folder, id) = cases[i];
                var name = $"{FixtureTables.Name(folder)} @ {id}";
                var oracle = expected[args[i]];
                var (rows, problem) = ours[i];
                if (!oracle.TryGetProperty("rows", out var rowsText))
                {
                    output.WriteLine($"{name}: oracle {oracle}; ours {(problem ?? rows.ToString(CultureInfo.InvariantCulture))}");
                    continue;
                }

                if (problem is not null && problem.StartsWith("not supported: ", StringComparison.Ordinal))
                {
                    output.WriteLine($"{name}: {problem}");
                    continue;
                }

                if (problem is not null && problem.StartsWith("not compared", StringComparison.Ordinal))
                {
                    output.WriteLine($"{name}: {problem}");
                    (rows, problem) = await FixtureScanTests.ReadAllAsync(folder, id);
                }

                if (problem is not null)
                {
                    mismatches.Add($"{name}: {problem}, the oracle read {rowsText}");
                    continue;
                }

                compared++;
                var want = long.Parse(rowsText.GetString()!, CultureInfo.InvariantCulture);
                multisets += OracleVerdict.Check(name, rows, want, oracle, mismatches, output) ? 1 : 0;
            }

            output.WriteLine($"{compared} snapshots compared of {cases.Count}, {multisets} as row multisets");
            Assert.True(compared > 40, $"only {compared} snapshots compared");
            Assert.True(multisets > 40, $"only {multisets} snapshots compared as row multisets");
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
