using System.Globalization;
using Confluent.Kafka;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Kafka;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class MicroBatchConsumerTests
{
    private const string Topic = "rebalance";

    [SkippableFact]
    public void ASecondMemberJoiningMidStreamTakesOverPartitionsWithoutLossOrDuplicates()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(1, [new TopicSpec(Topic, 4)]);
        const int count = 2000;
        Produce(cluster.BootstrapServers, 0, count);

        var sinkA = new List<MicroBatch>();
        var sinkB = new List<MicroBatch>();
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "pipeline",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
            SessionTimeoutMs = 6000,
            MaxPollIntervalMs = 10000,
        };
        // The "table": rows and next offsets stored together by every member's sink (as a snapshot summary would).
        var table = new Dictionary<TopicPartition, long>();
        var tableLock = new Lock();
        Action<MicroBatch> Sink(List<MicroBatch> into) => batch =>
        {
            lock (tableLock)
            {
                into.Add(batch);
                foreach (var (tp, next) in batch.NextOffsets)
                {
                    table[tp] = next;
                }
            }
        };
        IReadOnlyDictionary<TopicPartition, long> Stored(IReadOnlyList<TopicPartition> _)
        {
            lock (tableLock)
            {
                return new Dictionary<TopicPartition, long>(table);
            }
        }

        using var a = new MicroBatchConsumer(new ConsumerConfig(config), [Topic], Batcher(), Sink(sinkA), Stored);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (sinkA.Sum(b => b.Messages) < 300 && DateTime.UtcNow < deadline)
        {
            a.PollOnce(TimeSpan.FromMilliseconds(50));
        }

        using var b = new MicroBatchConsumer(new ConsumerConfig(config), [Topic], Batcher(), Sink(sinkB), Stored);
        while (sinkA.Sum(x => x.Messages) + sinkB.Sum(x => x.Messages) < count && DateTime.UtcNow < deadline)
        {
            a.PollOnce(TimeSpan.FromMilliseconds(20));
            b.PollOnce(TimeSpan.FromMilliseconds(20));
        }

        a.FlushNow();
        b.FlushNow();
        Assert.True(sinkB.Count > 0, "the second member never received a batch");
        Assert.Equal(2, a.Assignment.Count);
        Assert.Equal(2, b.Assignment.Count);

        var seen = new List<(int Partition, long Offset, long Id)>();
        foreach (var batch in sinkA.Concat(sinkB))
        {
            var parts = (PrimitiveArray<int>)batch.Good.Column(JsonEventDecoder.PartitionColumn)!;
            var offsets = (PrimitiveArray<long>)batch.Good.Column(JsonEventDecoder.OffsetColumn)!;
            var ids = (PrimitiveArray<long>)batch.Good.Column("event_id")!;
            for (var i = 0; i < batch.Good.Length; i++)
            {
                seen.Add((parts.Value(i), offsets.Value(i), ids.Value(i)));
            }
        }

        Assert.Equal(count, seen.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), seen.Select(s => s.Id).Order());
        Assert.Equal(count, seen.Select(s => (s.Partition, s.Offset)).Distinct().Count());
    }

    [SkippableFact]
    public void ConsumerRidesOutABrokerOutage()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(3, [new TopicSpec(Topic, 3)]);
        Produce(cluster.BootstrapServers, 0, 300);
        var sink = new List<MicroBatch>();
        var config = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "outage", AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new MicroBatchConsumer(config, [Topic], Batcher(), sink.Add);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (sink.Sum(b => b.Messages) < 300 && DateTime.UtcNow < deadline)
        {
            consumer.PollOnce(TimeSpan.FromMilliseconds(50));
        }

        cluster.SetBrokerDown(2);
        cluster.SetBrokerDown(3);
        Produce(cluster.BootstrapServers, 300, 300, wait: false, out var pending);
        for (var i = 0; i < 20; i++)
        {
            consumer.PollOnce(TimeSpan.FromMilliseconds(50));
        }

        cluster.SetBrokerUp(2);
        cluster.SetBrokerUp(3);
        Assert.Equal(0, pending.Flush(TimeSpan.FromSeconds(60)));
        pending.Dispose();
        while (sink.Sum(b => b.Messages) + consumer.PendingCount < 600 && DateTime.UtcNow < deadline)
        {
            consumer.PollOnce(TimeSpan.FromMilliseconds(50));
        }

        consumer.FlushNow();
        var ids = sink.SelectMany(b => ((PrimitiveArray<long>)b.Good.Column("event_id")!).Values.ToArray()).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (long)i), ids);
    }

    private static MicroBatcher Batcher() => new(
        new JsonEventDecoder(new JsonMappingOptions { Columns = [new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true)] }),
        new CommitPolicy { MaxRows = 100, Interval = TimeSpan.FromMilliseconds(200) });

    private static void Produce(string bootstrap, int first, int count)
    {
        Produce(bootstrap, first, count, wait: true, out var producer);
        producer.Dispose();
    }

    private static void Produce(string bootstrap, int first, int count, bool wait, out IProducer<string, string> producer)
    {
        producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true }).Build();
        for (var i = first; i < first + count; i++)
        {
            producer.Produce(Topic, new Message<string, string> { Key = (i % 17).ToString(CultureInfo.InvariantCulture), Value = $"{{\"event_id\": {i}}}" });
        }

        if (wait)
        {
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        }
    }
}
