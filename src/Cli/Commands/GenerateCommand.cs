using System.CommandLine;
using System.Globalization;
using Lakehouse.Ingest.Generation;
using Lakehouse.Ingest.Kafka;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse generate social</c>: synthetic social-media JSON events produced to Kafka at a fixed rate.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("generate", "Generate synthetic event streams.");
        command.Subcommands.Add(CreateSocial(context));
        return command;
    }

    private static Command CreateSocial(CliContext context)
    {
        var rate = new Option<double>("--rate")
        {
            Description = "Events per second.",
            DefaultValueFactory = _ => 1000,
        };
        var duration = new Option<string>("--duration")
        {
            Description = "How long to produce (e.g. 10s, 5m, 1h); rate x duration events in all.",
            DefaultValueFactory = _ => "10s",
            HelpName = "DURATION",
        };
        var brokers = new Option<string?>("--brokers")
        {
            Description = "Kafka bootstrap servers (host:port,...). Without it an embedded mock cluster is started (and gone when the command ends).",
            HelpName = "HOST:PORT,...",
        };
        var topic = new Option<string>("--topic")
        {
            Description = "Topic to produce to.",
            DefaultValueFactory = _ => "social-events",
        };
        var malformed = new Option<double>("--malformed-share")
        {
            Description = "Share of malformed messages (0..1): invalid JSON, invalid UTF-8, wrong type, missing event_id, oversize.",
            DefaultValueFactory = _ => 0,
        };
        var late = new Option<double>("--late-share")
        {
            Description = "Share of late events (0..1): event time 1 to 6 hours in the past.",
            DefaultValueFactory = _ => 0,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Random seed; the same seed gives the same events.",
            DefaultValueFactory = _ => 42,
        };
        var command = new Command("social", "Produce deterministic synthetic social-media JSON events (posts, likes, shares, comments, follows) to Kafka.")
        {
            rate,
            duration,
            brokers,
            topic,
            malformed,
            late,
            seed,
        };
        command.SetAction(parse =>
        {
            var eventsPerSecond = parse.GetValue(rate);
            if (!(eventsPerSecond > 0) || double.IsInfinity(eventsPerSecond))
            {
                throw new CliUsageException($"--rate must be positive, got {eventsPerSecond.ToString(CultureInfo.InvariantCulture)}");
            }

            var span = KafkaCommand.ParseDuration(parse.GetValue(duration), "--duration")!.Value;
            var topicName = parse.GetValue(topic)!;
            if (!TopicSpec.IsValidName(topicName))
            {
                throw new CliUsageException($"--topic: '{topicName}' is not a valid topic name (a-z A-Z 0-9 . _ -)");
            }

            var options = new SocialJsonOptions
            {
                Seed = parse.GetValue(seed),
                MalformedShare = parse.GetValue(malformed),
                LateShare = parse.GetValue(late),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliUsageException(e.Message.Split(" (Parameter", 2)[0]);
            }

            var count = (long)Math.Round(eventsPerSecond * span.TotalSeconds);
            KafkaCommand.RequireLibrdkafka();
            using var signal = new ShutdownSignal();
            MockKafkaCluster? cluster = null;
            try
            {
                var bootstrap = parse.GetValue(brokers);
                if (string.IsNullOrWhiteSpace(bootstrap))
                {
                    cluster = new MockKafkaCluster(1, [new TopicSpec(topicName, TopicSpec.DefaultPartitions)]);
                    bootstrap = cluster.BootstrapServers;
                    context.Console.Error.WriteLine($"lakehouse: no --brokers: producing to an embedded mock cluster at {bootstrap}");
                }

                var result = SocialEventProducer.Run(bootstrap, topicName, options, eventsPerSecond, count, signal.Token);
                context.Console.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"produced {result.Events} events to '{topicName}' in {result.Elapsed.TotalSeconds:F1} s ({result.Events / Math.Max(result.Elapsed.TotalSeconds, 1e-9):F0}/s, {result.Bytes} bytes): {result.Malformed} malformed, {result.Late} late, {result.DeliveryErrors} delivery errors"));
                return result.DeliveryErrors > 0 ? ExitCodes.Failure : signal.Token.IsCancellationRequested ? ExitCodes.Cancelled : ExitCodes.Success;
            }
            finally
            {
                cluster?.Dispose();
            }
        });
        return command;
    }
}
