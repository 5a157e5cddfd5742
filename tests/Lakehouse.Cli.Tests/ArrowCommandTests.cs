using System.Text.Json;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Output;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

public class ArrowCommandTests
{
    [Theory]
    [InlineData(false, CompressionKind.None)]
    [InlineData(true, CompressionKind.None)]
    [InlineData(true, CompressionKind.Zstd)]
    [InlineData(false, CompressionKind.Lz4Frame)]
    public void Cat_prints_every_row_of_a_file_or_stream_as_jsonl(bool fileFormat, CompressionKind compression)
    {
        var generator = new SocialEventGenerator(seed: 7);
        var batches = generator.GenerateBatches(5000, batchSize: 1024).ToList();
        var options = new ArrowWriteOptions { Compression = compression };
        var bytes = fileFormat
            ? ArrowIpc.WriteFile(generator.Schema, batches, options)
            : ArrowIpc.WriteStream(generator.Schema, batches, options);
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "events.arrow");
        File.WriteAllBytes(path, bytes);

        var (code, stdout, stderr) = CliRunner.Run("arrow", "cat", path, "--format", "jsonl");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var expected = RowWriter.Format(OutputFormat.Jsonl, batches, schema: generator.Schema);
        Assert.Equal(expected, stdout);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(generator.Schema[0].Name, first.RootElement.EnumerateObject().First().Name);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Schema_prints_fields_and_types()
    {
        var generator = new SocialEventGenerator(seed: 1);
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "events.arrows");
        File.WriteAllBytes(path, ArrowIpc.WriteStream(generator.Schema, generator.GenerateBatches(10)));

        var (code, stdout, _) = CliRunner.Run("arrow", "schema", path);

        Assert.Equal(0, code);
        Assert.Equal(SchemaText.Format(generator.Schema), stdout);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Cat_of_a_file_that_is_not_arrow_fails_with_one_line()
    {
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "not-arrow.txt");
        File.WriteAllText(path, "hello, this is not an Arrow stream at all");

        var (code, stdout, stderr) = CliRunner.Run("arrow", "cat", path);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("Corrupt file", stderr, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }
}
