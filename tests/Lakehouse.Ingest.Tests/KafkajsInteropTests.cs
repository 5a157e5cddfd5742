using Confluent.Kafka;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Kafka;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Ingest.Tests;

/// <summary>kafkajs (an independent, pure-JavaScript Kafka client) produces; our consumer and decoder read it back.</summary>
public sealed class KafkajsInteropTests
{
    [SkippableFact]
    public void KafkajsProducedEventsArriveThroughTheMicroBatchConsumerExactlyOnce()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(3, [new TopicSpec("interop", 3)]);
        const int count = 500;
        var output = NodeOracle.Run("kafka-produce.mjs", cluster.BootstrapServers, "interop", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"produced\":500", output, StringComparison.Ordinal);

        var decoder = new JsonEventDecoder(new JsonMappingOptions
        {
            Columns =
            [
                new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true),
                new ColumnMapping("ts", "ts", JsonColumnType.Timestamp),
                new ColumnMapping("tags", "tags", JsonColumnType.List),
            ],
        });
        var batches = new List<MicroBatch>();
        var batcher = new MicroBatcher(decoder, new CommitPolicy { MaxRows = 128, Interval = TimeSpan.FromMilliseconds(200) });
        var config = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "ingest", AutoOffsetReset = AutoOffsetReset.Earliest };
        using (var consumer = new MicroBatchConsumer(config, ["interop"], batcher, batches.Add))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (batches.Sum(b => b.Messages) + batcher.Count < count && DateTime.UtcNow < deadline)
            {
                consumer.PollOnce(TimeSpan.FromMilliseconds(100));
            }

            consumer.FlushNow();
        }

        var ids = new List<long>();
        var partitions = new Dictionary<int, long>();
        foreach (var b in batches)
        {
            Assert.Equal(0, b.DeadLetters.Length);
            Assert.True(b.Good.Length <= 128);
            var idColumn = (PrimitiveArray<long>)b.Good.Column("event_id")!;
            var offsets = (PrimitiveArray<long>)b.Good.Column("kafka_offset")!;
            var parts = (PrimitiveArray<int>)b.Good.Column("kafka_partition")!;
            var producerHeader = (MapArray)b.Good.Column("kafka_headers")!;
            for (var i = 0; i < b.Good.Length; i++)
            {
                ids.Add(idColumn.Value(i));
                var p = parts.Value(i);
                // Offsets per partition continue exactly where the previous batch stopped.
                Assert.Equal(partitions.GetValueOrDefault(p), offsets.Value(i));
                partitions[p] = offsets.Value(i) + 1;
            }

            Assert.Equal("producer", ((BinaryArray)producerHeader.Keys).GetString(0));
            foreach (var (tp, next) in b.NextOffsets)
            {
                Assert.Equal(partitions[tp.Partition.Value], next);
            }
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => (long)i), ids.Order());
        Assert.Equal(3, partitions.Count);

        // The group's committed offsets (committed after each sink call) equal the batches' next offsets.
        using var probe = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "ingest" }).Build();
        var committed = probe.Committed(Enumerable.Range(0, 3).Select(p => new TopicPartition("interop", p)), TimeSpan.FromSeconds(30));
        Assert.Equal(count, committed.Sum(c => c.Offset.Value));
    }
}
