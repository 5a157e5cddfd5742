using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

public class CliTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("demo", "--bogus")]
    [InlineData("demo", "--rows", "many")]
    [InlineData("demo", "--format", "xml")]
    [InlineData("demo", "--rows", "-5")]
    [InlineData("demo", "--limit", "-1")]
    public void BadUsageIsExitTwoWithOneLineOnStderr(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("lakehouse: error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureWritingOutputIsExitOneWithOneLine()
    {
        // --out under a regular file cannot be created.
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, stderr) = CliRunner.Run("demo", "--rows", "10", "--out", Path.Combine(file, "sub"));
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("lakehouse: error: ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void VerboseAddsTheStackTrace()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, stderr) = CliRunner.Run("demo", "--rows", "10", "--verbose", "--out", Path.Combine(file, "sub"));
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ExceptionsMapToCleanMessages()
    {
        Assert.Equal(("file not found: /nope.arrow", ExitCodes.Failure), ErrorReporter.Describe(new FileNotFoundException("x", "/nope.arrow")));
        var corrupt = ErrorReporter.Describe(new CorruptFileException("f.arrow", 12, "bad magic"));
        Assert.Equal(("Corrupt file: f.arrow: bad magic (at byte 12)", ExitCodes.Failure), corrupt);
        Assert.Equal(ExitCodes.Usage, ErrorReporter.Describe(new CliUsageException("x")).ExitCode);
        Assert.Equal(ExitCodes.InternalError, ErrorReporter.Describe(new InvalidOperationException("boom")).ExitCode);

        var error = new StringWriter();
        var code = ErrorReporter.Report(error, new IOException("disk\nfull"), verbose: false);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("lakehouse: error: I/O error: disk full" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void HelpWorksOnEveryCommand()
    {
        var root = LakehouseCommand.CreateRoot(new CliContext(new CliConsole(new MemoryStream(), new StringWriter())));
        var paths = new List<string[]> { Array.Empty<string>(), new[] { "--help" }, new[] { "demo", "-h" } };
        void Walk(System.CommandLine.Command command, List<string> path)
        {
            foreach (var sub in command.Subcommands)
            {
                var p = new List<string>(path) { sub.Name };
                paths.Add([.. p, "--help"]);
                Walk(sub, p);
            }
        }

        Walk(root, []);
        foreach (var args in paths)
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.True(code == 0, string.Join(' ', args));
            Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
            Assert.Equal(string.Empty, stderr);
        }
    }

    [Fact]
    public void MissingInputFileIsACleanOneLineFailure()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lakehouse-no-such-file.arrow");
        var e = Assert.Throws<FileNotFoundException>(() => InputFile.OpenRead(missing));
        var error = new StringWriter();
        Assert.Equal(ExitCodes.Failure, ErrorReporter.Report(error, e, verbose: false));
        Assert.Equal($"lakehouse: error: file not found: {missing}{Environment.NewLine}", error.ToString());

        var dir = RepoPaths.NewTempDirectory();
        try
        {
            var io = Assert.Throws<IOException>(() => InputFile.OpenRead(dir));
            Assert.Equal(ExitCodes.Failure, ErrorReporter.Describe(io).ExitCode);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void EveryCommandHasDescriptionAndVerboseIsGlobal()
    {
        var root = LakehouseCommand.CreateRoot(new CliContext(new CliConsole(new MemoryStream(), new StringWriter())));
        foreach (var command in root.Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
        }

        Assert.Equal(0, CliRunner.Run("demo", "--rows", "1", "--limit", "0", "--verbose").ExitCode);
    }

    [Fact]
    public void DemoJsonlKeepsStdoutParseable()
    {
        var (code, stdout, stderr) = CliRunner.Run("demo", "--rows", "1000", "--limit", "5", "--format", "jsonl");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal(i + 1, doc.RootElement.GetProperty("event_id").GetInt64());
        }

        Assert.Contains("events: 1,000", stderr, StringComparison.Ordinal);
        Assert.Contains("events per platform:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoDefaultsToTableOnATerminalAndJsonlOtherwise()
    {
        var (_, terminal, _) = CliRunner.Run(true, "demo", "--rows", "100", "--limit", "2");
        Assert.Contains("events: 100", terminal, StringComparison.Ordinal);
        Assert.Contains("event_id | ts", terminal, StringComparison.Ordinal);
        Assert.Contains("(2 rows)", terminal, StringComparison.Ordinal);
        Assert.All(terminal.Split('\n'), line => Assert.True(line.Length <= 120, line));

        var (_, piped, _) = CliRunner.Run(false, "demo", "--rows", "100", "--limit", "2");
        Assert.StartsWith("{\"event_id\":1,", piped, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoWritesFilesToOut()
    {
        var dir = RepoPaths.NewTempDirectory();
        try
        {
            var (code, _, _) = CliRunner.Run("demo", "--rows", "2500", "--seed", "7", "--limit", "0", "--out", dir);
            Assert.Equal(0, code);
            var events = File.ReadAllLines(Path.Combine(dir, "events.jsonl"));
            Assert.Equal(2500, events.Length);
            Assert.Equal(10_000, File.ReadAllLines(Path.Combine(dir, "campaigns.jsonl")).Length);

            Assert.Equal(0, CliRunner.Run("demo", "--rows", "10", "--limit", "0", "--out", dir, "--format", "csv").ExitCode);
            Assert.Equal(11, File.ReadAllLines(Path.Combine(dir, "events.csv")).Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
