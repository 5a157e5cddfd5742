using System.CommandLine;
using Lakehouse.Ingest;
using Lakehouse.Ingest.Kafka;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse kafka mock</c>: an embedded Kafka (librdkafka's mock cluster) for development and the demo.</summary>
public static class KafkaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("kafka", "Kafka tools: an embedded mock cluster for development and demos.");
        command.Subcommands.Add(CreateMock(context));
        return command;
    }

    private static Command CreateMock(CliContext context)
    {
        var brokers = new Option<int>("--brokers")
        {
            Description = "Number of brokers.",
            DefaultValueFactory = _ => 3,
        };
        var topics = new Option<string[]>("--topic")
        {
            Description = "Topic to create, as name or name:partitions (repeatable; default partitions 3).",
            HelpName = "NAME[:PARTITIONS]",
            AllowMultipleArgumentsPerToken = true,
        };
        var exitAfter = new Option<string?>("--exit-after")
        {
            Description = "Stop after this long (e.g. 30s, 5m) instead of waiting for Ctrl+C/SIGTERM; for scripts.",
            HelpName = "DURATION",
        };
        var command = new Command("mock", "Start an in-process Kafka (librdkafka mock cluster), print its bootstrap servers and run until Ctrl+C or SIGTERM.")
        {
            brokers,
            topics,
            exitAfter,
        };
        command.SetAction(parse =>
        {
            var brokerCount = parse.GetValue(brokers);
            if (brokerCount is < 1 or > 64)
            {
                throw new CliUsageException($"--brokers must be from 1 to 64, got {brokerCount}");
            }

            var specs = ParseTopics(parse.GetValue(topics));
            var after = ParseDuration(parse.GetValue(exitAfter), "--exit-after");
            RequireLibrdkafka();
            using var signal = new ShutdownSignal(after);
            using var cluster = new MockKafkaCluster(brokerCount, specs);
            var output = context.Console.Out;
            output.WriteLine(cluster.BootstrapServers);
            context.Console.Error.WriteLine(
                $"lakehouse: mock Kafka with {brokerCount} broker(s) (librdkafka {KafkaNative.Version}); topics: "
                + (specs.Count == 0 ? "auto-created on first use" : string.Join(", ", specs))
                + "; stop with Ctrl+C");
            output.Flush();
            signal.Token.WaitHandle.WaitOne();
            return ExitCodes.Success;
        });
        return command;
    }

    internal static List<TopicSpec> ParseTopics(string[]? values)
    {
        var specs = new List<TopicSpec>();
        foreach (var v in values ?? [])
        {
            try
            {
                specs.Add(TopicSpec.Parse(v));
            }
            catch (FormatException e)
            {
                throw new CliUsageException($"--topic: {e.Message}");
            }
        }

        return specs;
    }

    internal static TimeSpan? ParseDuration(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return DurationText.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"{option}: {e.Message}");
        }
    }

    internal static void RequireLibrdkafka()
    {
        if (!KafkaNative.IsAvailable)
        {
            throw new InvalidOperationException(KafkaNative.MissingMessage);
        }
    }
}
