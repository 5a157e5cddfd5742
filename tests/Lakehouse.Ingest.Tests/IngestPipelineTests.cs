using Confluent.Kafka;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Generation;
using Lakehouse.Ingest.Kafka;
using Lakehouse.Ingest.Pipeline;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class IngestPipelineTests
{
    private const string Topic = "social-events";

    [SkippableFact]
    public void PoisonMessagesOfEachKindBecomeDeadLettersWithPreciseReasonsAndEveryMessageLandsOnce()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(1, [new TopicSpec(Topic, 3)]);
        const int count = 1500;
        var options = new SocialJsonOptions { Seed = 7, MalformedShare = 0.1 };
        Produce(cluster, options, count);
        var config = Config("poison", rows: 400);
        var (target, dead) = Tables(config);
        using (var pipeline = new IngestPipeline(config, cluster.BootstrapServers, target.Open(), dead.Open()))
        {
            RunUntil([pipeline], () => Messages(target, dead) >= count);
            Assert.Equal(count, pipeline.Status.Records + pipeline.Status.DeadLetters);
        }

        AssertExactlyOnce(target, dead, count);
        var expected = new Dictionary<string, int>();
        var generator = new SocialJsonGenerator(options);
        for (var i = 0; i < count; i++)
        {
            generator.Generate(i);
            if (generator.Malformed != MalformedKind.None)
            {
                var kind = generator.Malformed switch
                {
                    MalformedKind.InvalidJson => "invalid_json",
                    MalformedKind.InvalidUtf8 => "invalid_utf8",
                    MalformedKind.WrongType => "wrong_type",
                    MalformedKind.MissingRequired => "missing_required",
                    MalformedKind.Oversize => "oversize",
                    _ => throw new InvalidOperationException(generator.Malformed.ToString()),
                };
                expected[kind] = expected.GetValueOrDefault(kind) + 1;
            }
        }

        var rows = DeadLetterRows(dead);
        Assert.Equal(5, expected.Count);
        foreach (var (kind, n) in expected)
        {
            Assert.Equal(n, rows.Count(r => r.Kind == kind));
        }

        Assert.All(rows.Where(r => r.Kind == "wrong_type"), r => Assert.Equal("$.likes: expected an integer (int64), got a string", r.Message));
        Assert.All(rows.Where(r => r.Kind == "missing_required"), r => Assert.Equal("$.event_id is required but missing or null", r.Message));
        Assert.All(rows.Where(r => r.Kind == "oversize"), r => Assert.Matches("^the value is [0-9]+ bytes, the limit is 131072$", r.Message));
        Assert.All(rows.Where(r => r.Kind == "invalid_utf8"), r => Assert.Matches("^invalid UTF-8 at byte [0-9]+ \\(0xFF\\)$", r.Message));
    }

    [SkippableFact]
    public void CrashesBetweenAndAfterTableCommitsNeverLoseOrDuplicateAMessage()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(1, [new TopicSpec(Topic, 3)]);
        const int count = 6000;
        Produce(cluster, new SocialJsonOptions { Seed = 11, MalformedShare = 0.02 }, count);
        var config = Config("crashes", rows: 250);
        var (target, dead) = Tables(config);
        var random = new Random(1234);
        var crashes = 0;
        for (var run = 0; run < 10 && Messages(target, dead) < count; run++)
        {
            // Crash right after the k-th append of one of the two tables landed (for the dead-letter table: before
            // the target append of the same batch).
            var k = random.Next(1, 5);
            var crashDead = random.Next(2) == 0;
            var targetView = target.Open(crashDead ? -1 : k);
            var deadView = dead.Open(crashDead ? k : -1);
            using var pipeline = new IngestPipeline(config, cluster.BootstrapServers, targetView, deadView, TestLog());
            try
            {
                RunUntil([pipeline], () => targetView.Crashed || deadView.Crashed || Messages(target, dead) >= count, () => Missing(target, dead));
            }
            catch (SimulatedCrashException)
            {
                crashes++;
            }

            catch (InvalidOperationException e) when (e.InnerException is SimulatedCrashException)
            {
                crashes++;
            }

        }

        using (var last = new IngestPipeline(config, cluster.BootstrapServers, target.Open(), dead.Open(), TestLog()))
        {
            try
            {
                RunUntil([last], () => Messages(target, dead) >= count);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new InvalidOperationException(e.Message + " missing: " + Missing(target, dead), e);
            }
        }

        Assert.True(crashes >= 5, $"only {crashes} crashes happened");
        AssertExactlyOnce(target, dead, count);
    }

    [SkippableFact]
    public void ThreeMembersJoiningAndLeavingSplitThePartitionsExactlyOnce()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(1, [new TopicSpec(Topic, 6)]);
        const int count = 6000;
        Produce(cluster, new SocialJsonOptions { Seed = 3, MalformedShare = 0.02 }, count);
        var config = Config("rebalance", rows: 200);
        var (target, dead) = Tables(config);
        var a = new IngestPipeline(config, cluster.BootstrapServers, target.Open(), dead.Open());
        RunUntil([a], () => Messages(target, dead) >= 500);
        using var b = new IngestPipeline(config, cluster.BootstrapServers, target.Open(), dead.Open());
        using var c = new IngestPipeline(config, cluster.BootstrapServers, target.Open(), dead.Open());
        RunUntil([a, b, c], () => b.Assignment.Count > 0 && c.Assignment.Count > 0 && Messages(target, dead) >= 2500);
        a.Dispose();
        RunUntil([b, c], () => Messages(target, dead) >= count);
        Assert.True(b.Status.Commits > 0 && c.Status.Commits > 0);
        AssertExactlyOnce(target, dead, count);
    }

    [SkippableFact]
    public void AStaleMemberIsFencedInsteadOfDuplicating()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        var config = Config("fence", rows: 10);
        var (target, _) = Tables(config);
        var tp = new TopicPartition(Topic, 0);
        var empty = new JsonEventDecoder(config.Target.Mapping).TakeGood();
        var fresh = target.Open();
        fresh.CommitAsync(empty, "fence", new Dictionary<TopicPartition, long>(), new Dictionary<TopicPartition, long> { [tp] = 100 }, default).GetAwaiter().GetResult();
        var zombie = target.Open();
        var e = Assert.Throws<OffsetFenceException>(() => zombie.CommitAsync(empty, "fence", new Dictionary<TopicPartition, long>(), new Dictionary<TopicPartition, long> { [tp] = 50 }, default).GetAwaiter().GetResult());
        Assert.Contains("recorded at offset 100, this batch was based on (none)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, target.SnapshotCount);
    }

    internal static IngestConfig Config(string group, int rows) => new()
    {
        Source = new SourceConfig
        {
            Topics = [Topic],
            Group = group,
            Properties = new Dictionary<string, string> { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
        },
        Target = new TargetConfig
        {
            Table = "bronze.social",
            Mapping = new JsonMappingOptions
            {
                Columns =
                [
                    new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true),
                    new ColumnMapping("ts", "ts", JsonColumnType.Timestamp),
                    new ColumnMapping("likes", "likes", JsonColumnType.Int64),
                    new ColumnMapping("hashtags", "hashtags", JsonColumnType.List),
                ],
            },
        },
        DeadLetterTable = "bronze.social_dead_letters",
        Commit = new CommitPolicy { MaxRows = rows, Interval = TimeSpan.FromMilliseconds(300) },
        StatusFile = string.Empty,
    };

    private static readonly IngestLog? s_testLog =
        Environment.GetEnvironmentVariable("LAKEHOUSE_TEST_INGEST_LOG") is { } path ? new IngestLog(new StreamWriter(path, append: true)) : null;

    internal static IngestLog? TestLog() => s_testLog;

    internal static (MemoryIngestTable Target, MemoryIngestTable Dead) Tables(IngestConfig config)
    {
        var decoder = new JsonEventDecoder(config.Target.Mapping);
        return (new MemoryIngestTable(config.Target.Table, decoder.Schema), new MemoryIngestTable(config.DeadLetterTable, decoder.DeadLetterSchema));
    }

    internal static void Produce(MockKafkaCluster cluster, SocialJsonOptions options, int count)
    {
        var result = SocialEventProducer.Run(cluster.BootstrapServers, Topic, options, 1_000_000, count);
        Assert.Equal(0, result.DeliveryErrors);

        // The mock cluster keeps a bounded log per partition (old message sets are dropped past a few MB), so
        // the oversize share must stay small or "every message" would include ones Kafka no longer has.
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "watermarks" }).Build();
        for (var p = 0; p < 6; p++)
        {
            try
            {
                var w = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, p), TimeSpan.FromSeconds(10));
                Assert.Equal(0, w.Low.Value);
            }
            catch (KafkaException) when (p >= 3)
            {
                // The topic has 3 partitions.
            }
        }
    }

    internal static void RunUntil(IReadOnlyList<IngestPipeline> pipelines, Func<bool> done, Func<string>? diagnose = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the pipelines: " + diagnose?.Invoke() + string.Join(" | ", pipelines.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Status))));
            foreach (var p in pipelines)
            {
                p.PollOnce(TimeSpan.FromMilliseconds(20));
            }
        }
    }

    internal static long Messages(MemoryIngestTable target, MemoryIngestTable dead) =>
        target.Batches().Sum(b => (long)b.Length) + dead.Batches().Sum(b => (long)b.Length);

    internal static void AssertExactlyOnce(MemoryIngestTable target, MemoryIngestTable dead, int count)
    {
        var seen = new HashSet<(int, long)>();
        var ids = new HashSet<long>();
        foreach (var table in new[] { target, dead })
        {
            foreach (var batch in table.Batches())
            {
                var parts = (PrimitiveArray<int>)batch.Column(JsonEventDecoder.PartitionColumn)!;
                var offsets = (PrimitiveArray<long>)batch.Column(JsonEventDecoder.OffsetColumn)!;
                for (var i = 0; i < batch.Length; i++)
                {
                    Assert.True(seen.Add((parts.Value(i), offsets.Value(i))), $"{table.Name}: partition {parts.Value(i)} offset {offsets.Value(i)} is there twice");
                }

                if (table == target)
                {
                    var eventIds = (PrimitiveArray<long>)batch.Column("event_id")!;
                    for (var i = 0; i < batch.Length; i++)
                    {
                        Assert.True(ids.Add(eventIds.Value(i)), $"event {eventIds.Value(i)} is there twice");
                    }
                }
            }
        }

        Assert.Equal(count, seen.Count);
    }

    private static string Missing(MemoryIngestTable target, MemoryIngestTable dead)
    {
        var seen = new SortedSet<(int, long)>();
        foreach (var table in new[] { target, dead })
        {
            foreach (var batch in table.Batches())
            {
                var parts = (PrimitiveArray<int>)batch.Column(JsonEventDecoder.PartitionColumn)!;
                var offsets = (PrimitiveArray<long>)batch.Column(JsonEventDecoder.OffsetColumn)!;
                for (var i = 0; i < batch.Length; i++)
                {
                    seen.Add((parts.Value(i), offsets.Value(i)));
                }
            }
        }

        var text = new System.Text.StringBuilder();
        for (var p = 0; p < 3; p++)
        {
            long expect = 0;
            foreach (var (part, offset) in seen.Where(x => x.Item1 == p))
            {
                if (offset != expect)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{p}:[{expect},{offset}) ");
                }

                expect = offset + 1;
            }

            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{p}:max {expect}; ");
        }

        return text.ToString();
    }

    private static List<(string Kind, string Message)> DeadLetterRows(MemoryIngestTable dead)
    {
        var rows = new List<(string, string)>();
        foreach (var batch in dead.Batches())
        {
            var kinds = (BinaryArray)batch.Column("error_kind")!;
            var messages = (BinaryArray)batch.Column("error_message")!;
            for (var i = 0; i < batch.Length; i++)
            {
                rows.Add((kinds.GetString(i)!, messages.GetString(i)!));
            }
        }

        return rows;
    }
}
