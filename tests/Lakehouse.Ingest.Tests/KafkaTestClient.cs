using Confluent.Kafka;

namespace Lakehouse.Ingest.Tests;

internal static class KafkaTestClient
{
    /// <summary>Consumes from the beginning until <paramref name="expected"/> messages arrived (or 60 s passed).</summary>
    public static List<ConsumeResult<string, string>> ConsumeAll(string bootstrap, string topic, string group, int expected)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Subscribe(topic);
        var seen = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (seen.Count < expected && DateTime.UtcNow < deadline)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r is not null && !r.IsPartitionEOF)
            {
                seen.Add(r);
            }
        }

        consumer.Close();
        return seen;
    }
}
