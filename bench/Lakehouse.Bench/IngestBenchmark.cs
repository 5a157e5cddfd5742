using System.Diagnostics;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Generation;
using Lakehouse.Ingest.Iceberg;
using Lakehouse.Ingest.Kafka;
using Lakehouse.Ingest.Pipeline;
using Lakehouse.Table.Catalog;

namespace Lakehouse.Bench;

/// <summary>
/// Kafka → Iceberg ingest throughput: social events produced into librdkafka's mock cluster, then one
/// <see cref="IngestPipeline"/> consumes, decodes, micro-batches and commits them to an Iceberg table (SQLite
/// catalog, local files) until every event is a row or a dead letter. Baseline in the same run: the decoder alone
/// over the same messages in memory (the CPU limit of the pipeline's per-event work). Also reported: end-to-end
/// events/s against the 10 M events/hour, and events per CPU-second (process CPU time, all threads).
/// </summary>
public static class IngestBenchmark
{
    private const string Topic = "social-events";

    public static async Task RunAsync(BenchReport report, long events, int partitions, int runs, string workDir)
    {
        Console.WriteLine($"ingest: {events:N0} events into {partitions} partitions (mock cluster), best of {runs}");
        var options = new SocialJsonOptions { Seed = 42, MalformedShare = 0.01 };
        var mapping = new JsonMappingOptions
        {
            Columns =
            [
                new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true),
                new ColumnMapping("ts", "ts", JsonColumnType.Timestamp),
                new ColumnMapping("platform", "platform", JsonColumnType.String),
                new ColumnMapping("user_id", "user_id", JsonColumnType.Int64),
                new ColumnMapping("likes", "likes", JsonColumnType.Int64),
                new ColumnMapping("hashtags", "hashtags", JsonColumnType.List),
                new ColumnMapping("text", "text", JsonColumnType.String),
            ],
        };

        // Decode alone: the same generator output, decoded into Arrow builders batch by batch.
        var decodeSeconds = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var generator = new SocialJsonGenerator(options);
            var decoder = new JsonEventDecoder(mapping);
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < events; i++)
            {
                generator.Generate(i);
                decoder.Append(new MessageOrigin(Topic, (int)(i % partitions), i / partitions, 0), generator.Key, false, generator.Value, null, 0);
                if (i % 10_000 == 9_999)
                {
                    _ = decoder.TakeGood();
                    _ = decoder.TakeDeadLetters();
                }
            }

            _ = decoder.TakeGood();
            decodeSeconds = Math.Min(decodeSeconds, watch.Elapsed.TotalSeconds);
        }

        var endToEndSeconds = double.MaxValue;
        var cpuSeconds = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            using var cluster = new MockKafkaCluster(1, [new TopicSpec(Topic, partitions)]);
            var produced = SocialEventProducer.Run(cluster.BootstrapServers, Topic, options, 10_000_000, events);
            if (produced.DeliveryErrors > 0)
            {
                throw new InvalidOperationException($"{produced.DeliveryErrors} events were not delivered to the mock cluster");
            }

            var warehouse = Path.Combine(workDir, $"ingest-{run}");
            if (Directory.Exists(warehouse))
            {
                Directory.Delete(warehouse, recursive: true);
            }

            Directory.CreateDirectory(warehouse);
            await using var catalog = CatalogFactory.Open(warehouse);
            var config = new IngestConfig
            {
                Source = new SourceConfig { Topics = [Topic], Group = "bench" },
                Target = new TargetConfig { Table = "bronze.social", Mapping = mapping },
                DeadLetterTable = "bronze.social_dead_letters",
                Commit = new CommitPolicy { MaxRows = 100_000, Interval = TimeSpan.FromSeconds(1) },
                StatusFile = string.Empty,
            };
            var schemaDecoder = new JsonEventDecoder(mapping);
            var target = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.Target.Table, schemaDecoder.Schema, [], default).ConfigureAwait(false);
            var dead = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.DeadLetterTable, schemaDecoder.DeadLetterSchema, [], default).ConfigureAwait(false);
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using (var pipeline = new IngestPipeline(config, cluster.BootstrapServers, target, dead))
            {
                var deadline = DateTime.UtcNow.AddMinutes(10);
                while (pipeline.Status.Records + pipeline.Status.DeadLetters < events)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"ingest did not finish: {System.Text.Json.JsonSerializer.Serialize(pipeline.Status)}");
                    }

                    pipeline.PollOnce(TimeSpan.FromMilliseconds(20));
                }
            }

            endToEndSeconds = Math.Min(endToEndSeconds, watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpuSeconds = Math.Min(cpuSeconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        var decodeRate = events / decodeSeconds;
        var endToEndRate = events / endToEndSeconds;
        report.Add(new BenchRow("ingest end-to-end vs decode alone", "events/s", endToEndRate, decodeRate, "decode alone", ">= 0.3"));
        report.Add(new BenchRow("ingest end-to-end vs 10 M events/hour", "events/s", endToEndRate, 10_000_000 / 3600.0, "10 M/hour", ">= 1"));
        report.Add(new BenchRow("ingest events per CPU-second vs 10 M events/hour", "events/s", events / cpuSeconds, 10_000_000 / 3600.0, "10 M/hour", ">= 1"));
    }
}
