using System.Text.Json;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

public class IcebergCommandTests
{
    // Spark 3.5 + Iceberg 1.4.2, merge-on-read deletes and schema evolution; the fixture's answer is 6592 live rows.
    private const string SparkTable = "iceberg/duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec2_0_001/pyspark_iceberg_table";

    [SkippableFact]
    public void Cat_prints_the_live_rows_and_inspect_summarises_the_table()
    {
        var table = SharedFixtures.Require(SparkTable);

        var (code, stdout, stderr) = CliRunner.Run("iceberg", "cat", table, "--format", "jsonl");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6592, lines.Length);
        using (var row = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal(JsonValueKind.Object, row.RootElement.ValueKind);
        }

        (code, stdout, _) = CliRunner.Run("iceberg", "inspect", table);
        Assert.Equal(0, code);
        Assert.Contains("format-version: 2", stdout, StringComparison.Ordinal);
        Assert.Contains("delete files", stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Snapshots_and_files_are_metadata_tables_and_time_travel_reads_an_older_snapshot()
    {
        var table = SharedFixtures.Require(SparkTable);

        var (code, stdout, stderr) = CliRunner.Run("iceberg", "snapshots", table, "--format", "jsonl");
        Assert.True(code == 0, stderr);
        var snapshots = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(snapshots.Count > 1);
        var first = snapshots[0].GetProperty("snapshot_id").GetInt64();
        Assert.Equal(JsonValueKind.Null, snapshots[0].GetProperty("parent_id").ValueKind);

        (code, stdout, _) = CliRunner.Run("iceberg", "files", table, "--format", "jsonl");
        Assert.Equal(0, code);
        var files = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(files, f => f.GetProperty("content").GetInt32() == 1);

        (code, stdout, stderr) = CliRunner.Run("iceberg", "cat", table, "--snapshot", first.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "jsonl");
        Assert.True(code == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var addedText = snapshots[0].GetProperty("summary").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "added-records").GetProperty("value").GetString()!;
        var added = long.Parse(addedText, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(added, rows);
    }

    [SkippableFact]
    public void Metadata_prints_every_metadata_table_and_rejects_an_unknown_name()
    {
        var table = SharedFixtures.Require(SparkTable);
        foreach (var name in new[] { "snapshots", "history", "refs", "manifests", "all_manifests", "entries", "files", "data_files", "delete_files", "partitions", "properties", "metadata_log_entries" })
        {
            var (code, stdout, stderr) = CliRunner.Run("iceberg", "metadata", table, name, "--format", "jsonl");
            Assert.True(code == 0, name + ": " + stderr);
            Assert.NotEmpty(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        var (badCode, _, badStderr) = CliRunner.Run("iceberg", "metadata", table, "nope");
        Assert.NotEqual(0, badCode);
        Assert.Contains("unknown metadata table", badStderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_table_and_conflicting_time_travel_options_fail_with_one_line()
    {
        var (code, _, stderr) = CliRunner.Run("iceberg", "cat", "/no/such/table");
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));

        var dir = RepoPaths.NewTempDirectory();
        (code, _, stderr) = CliRunner.Run("iceberg", "cat", dir, "--snapshot", "1", "--ref", "main");
        Assert.NotEqual(0, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Directory.Delete(dir, true);
    }
}
