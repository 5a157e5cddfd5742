using Confluent.Kafka;
using Lakehouse.Ingest.Kafka;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class MockKafkaClusterTests
{
    [SkippableFact]
    public void LoadsTheOperatingSystemLibrdkafka()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        Assert.StartsWith("2.", KafkaNative.Version, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ProducesAndConsumesBackEveryMessageInOrderPerPartition()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(3, [new TopicSpec("events", 4)]);
        Assert.Equal(3, cluster.BootstrapServers.Split(',').Length);

        const int count = 200;
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, Acks = Acks.All }).Build())
        {
            for (var i = 0; i < count; i++)
            {
                producer.Produce("events", new Message<string, string> { Key = $"user-{i % 7}", Value = $"{{\"n\":{i}}}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        var seen = KafkaTestClient.ConsumeAll(cluster.BootstrapServers, "events", "g1", count);
        Assert.Equal(count, seen.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"{{\"n\":{i}}}").Order(), seen.Select(m => m.Message.Value).Order());
        // Same key -> same partition, and per partition the order of production is kept.
        foreach (var byKey in seen.GroupBy(m => m.Message.Key))
        {
            Assert.Single(byKey.Select(m => m.Partition.Value).Distinct());
            var numbers = byKey.Select(m => int.Parse(m.Message.Value[5..^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Order(), numbers);
        }
    }

    [SkippableFact]
    public void TwoMembersOfOneGroupSplitThePartitions()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(1, [new TopicSpec("split", 4)]);
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "pair",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
            SessionTimeoutMs = 6000,
        };
        using var a = new ConsumerBuilder<Ignore, Ignore>(config).Build();
        using var b = new ConsumerBuilder<Ignore, Ignore>(config).Build();
        a.Subscribe("split");
        b.Subscribe("split");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (a.Assignment.Count + b.Assignment.Count != 4 || a.Assignment.Count == 0 || b.Assignment.Count == 0))
        {
            a.Consume(TimeSpan.FromMilliseconds(100));
            b.Consume(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(2, a.Assignment.Count);
        Assert.Equal(2, b.Assignment.Count);
        Assert.Empty(a.Assignment.Intersect(b.Assignment));
        a.Close();
        b.Close();
    }

    [SkippableFact]
    public void ProducerRidesOutABrokerOutage()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        using var cluster = new MockKafkaCluster(3, [new TopicSpec("outage", 3)]);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, EnableIdempotence = true }).Build();
        for (var i = 0; i < 50; i++)
        {
            producer.Produce("outage", new Message<Null, string> { Value = $"a{i}" });
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        cluster.SetBrokerDown(1);
        cluster.SetBrokerDown(2);
        var errors = 0;
        for (var i = 0; i < 50; i++)
        {
            producer.Produce("outage", new Message<Null, string> { Value = $"b{i}" }, r => Interlocked.Add(ref errors, r.Error.IsError ? 1 : 0));
        }

        cluster.SetBrokerUp(1);
        cluster.SetBrokerUp(2);
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, errors);

        var seen = KafkaTestClient.ConsumeAll(cluster.BootstrapServers, "outage", "after", 100);
        Assert.Equal(100, seen.Select(m => m.Message.Value).Distinct().Count());
    }

    [Fact]
    public void TopicSpecsParseAndReject()
    {
        Assert.Equal(new TopicSpec("events", 3), TopicSpec.Parse("events"));
        Assert.Equal(new TopicSpec("a.b-c_d", 12), TopicSpec.Parse("a.b-c_d:12"));
        Assert.Throws<FormatException>(() => TopicSpec.Parse("events:0"));
        Assert.Throws<FormatException>(() => TopicSpec.Parse("events:x"));
        Assert.Throws<FormatException>(() => TopicSpec.Parse("bad name:2"));
        Assert.Throws<FormatException>(() => TopicSpec.Parse(":2"));
    }
}
