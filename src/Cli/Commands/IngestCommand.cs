using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Iceberg;
using Lakehouse.Ingest.Pipeline;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse ingest --config FILE</c>: consume Kafka topics into Iceberg tables exactly once until stopped;
/// <c>lakehouse ingest status --config FILE</c>: the running pipeline's counters and lag (spec/ingest.md).
/// </summary>
public static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string>("--config")
        {
            Description = "The pipeline's YAML configuration (spec/ingest.md).",
            HelpName = "FILE",
            Required = true,
        };
        var exitAfter = new Option<string?>("--exit-after")
        {
            Description = "Stop (gracefully, committing the open batch) after this long; for scripts and benchmarks.",
            HelpName = "DURATION",
        };
        var command = new Command("ingest", "Consume Kafka topics into an Iceberg table and a dead-letter table, exactly once, until Ctrl+C or SIGTERM.")
        {
            config,
            exitAfter,
        };
        command.Subcommands.Add(CreateStatus(context));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = Load(parse.GetValue(config)!);
            var after = KafkaCommand.ParseDuration(parse.GetValue(exitAfter), "--exit-after");
            KafkaCommand.RequireLibrdkafka();
            using var signal = new ShutdownSignal(after);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(signal.Token, cancellationToken);
            var log = new IngestLog(context.Console.Error);
            await IngestRunner.RunAsync(loaded, log, message => context.Console.Error.WriteLine("lakehouse: " + message), linked.Token).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateStatus(CliContext context)
    {
        var config = new Option<string?>("--config")
        {
            Description = "The pipeline's YAML configuration (its status.file is read).",
            HelpName = "FILE",
        };
        var statusFile = new Option<string?>("--status-file")
        {
            Description = "Read this status file instead of the configuration's.",
            HelpName = "FILE",
        };
        var json = new Option<bool>("--json") { Description = "Print the status file's JSON as is." };
        var command = new Command("status", "Show records/s, lag per partition, last commit time and latency, freshness and dead-letter counts of a pipeline.")
        {
            config,
            statusFile,
            json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(statusFile) ?? (parse.GetValue(config) is { } c ? Load(c).StatusFile : throw new CliUsageException("give --config FILE or --status-file FILE"));
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{path}: no status file (is the pipeline running? it writes one after its first commit)");
            }

            if (parse.GetValue(json))
            {
                context.Console.Out.WriteLine(File.ReadAllText(path));
                return ExitCodes.Success;
            }

            var status = JsonSerializer.Deserialize<IngestStatus>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path}: not a status file");
            Print(context.Console.Out, status);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IngestConfig Load(string path)
    {
        try
        {
            return IngestConfigLoader.LoadFile(path);
        }
        catch (IngestConfigException e)
        {
            throw new CliUsageException("invalid configuration:" + Environment.NewLine + e.Message);
        }
    }

    private static void Print(TextWriter o, IngestStatus s)
    {
        var inv = CultureInfo.InvariantCulture;
        var age = DateTimeOffset.UtcNow - s.Updated;
        o.WriteLine(string.Create(inv, $"group {s.Group}: {s.State} (pid {s.ProcessId}, status {age.TotalSeconds:F0} s old)"));
        o.WriteLine($"tables: {s.TargetTable}, dead letters {s.DeadLetterTable}");
        o.WriteLine(string.Create(inv, $"records: {s.Records} committed, {s.RecordsPerSecond:F1}/s over the last minute; {s.PendingMessages} pending"));
        var kinds = string.Join(", ", s.DeadLettersByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"));
        o.WriteLine($"dead letters: {s.DeadLetters}{(kinds.Length > 0 ? " (" + kinds + ")" : string.Empty)}");
        o.WriteLine(s.LastCommit is { } at
            ? string.Create(inv, $"last commit: {at.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z, latency {s.LastCommitLatencyMs:F1} ms, freshness {s.FreshnessMs:F0} ms; {s.Commits} commits")
            : "last commit: none yet");
        foreach (var p in s.Partitions)
        {
            o.WriteLine(string.Create(inv, $"  {p.Topic}/{p.Partition}: committed {Show(p.Committed)}, high watermark {Show(p.HighWatermark)}, lag {Show(p.Lag)}"));
        }
    }

    private static string Show(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
