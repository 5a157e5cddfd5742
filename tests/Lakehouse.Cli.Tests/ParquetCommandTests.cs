using Lakehouse.Arrow;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Output;
using Lakehouse.Parquet.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

public class ParquetCommandTests
{
    [Fact]
    public async Task Cat_prints_every_row_and_projects_columns_in_the_order_given()
    {
        var generator = new SocialEventGenerator(seed: 11);
        var batches = generator.GenerateBatches(3000, batchSize: 1000).ToList();
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "events.parquet");
        await using (var writer = ParquetWriter.Create(path, generator.Schema))
        {
            foreach (var b in batches)
            {
                await writer.WriteAsync(b);
            }

            await writer.CloseAsync();
        }

        var (code, stdout, stderr) = CliRunner.Run("parquet", "cat", path, "--format", "jsonl");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(RowWriter.Format(OutputFormat.Jsonl, batches, schema: generator.Schema), stdout);

        var likes = generator.Schema.IndexOf("likes");
        var id = generator.Schema.IndexOf("event_id");
        var projected = new Schema([generator.Schema[likes], generator.Schema[id]]);
        var expected = batches.Select(b => new RecordBatch(projected, [b.Column(likes), b.Column(id)], b.Length));
        (code, stdout, _) = CliRunner.Run("parquet", "cat", path, "--columns", "likes,event_id", "--format", "csv");
        Assert.Equal(0, code);
        Assert.Equal(RowWriter.Format(OutputFormat.Csv, expected, schema: projected), stdout);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Inspect_describes_row_groups_and_unknown_columns_are_usage_errors()
    {
        var generator = new SocialEventGenerator(seed: 3);
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "events.parquet");
        await using (var writer = ParquetWriter.Create(path, generator.Schema))
        {
            foreach (var b in generator.GenerateBatches(100))
            {
                await writer.WriteAsync(b);
            }

            await writer.CloseAsync();
        }

        var (code, stdout, _) = CliRunner.Run("parquet", "inspect", path);
        Assert.Equal(0, code);
        Assert.Contains("rows: 100", stdout, StringComparison.Ordinal);
        Assert.Contains("row group 0", stdout, StringComparison.Ordinal);

        var (badCode, badOut, badErr) = CliRunner.Run("parquet", "cat", path, "--columns", "nope");
        Assert.Equal(ExitCodes.Usage, badCode);
        Assert.Equal(string.Empty, badOut);
        Assert.Contains("column 'nope'", badErr, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Cat_of_a_corrupt_file_fails_with_one_line()
    {
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "bad.parquet");
        File.WriteAllBytes(path, "PAR1 this is not really parquet PAR1"u8.ToArray());

        var (code, stdout, stderr) = CliRunner.Run("parquet", "cat", path);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Directory.Delete(dir, true);
    }
}
