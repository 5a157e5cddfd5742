using System.Diagnostics;
using Confluent.Kafka;
using Lakehouse.Ingest.Kafka;

namespace Lakehouse.Ingest.Generation;

/// <summary>
/// Produces <see cref="SocialJsonGenerator"/> events to a Kafka topic at a fixed rate: event <c>i</c> is
/// sent no earlier than <c>i / rate</c> seconds after the start (when the producer falls behind it sends
/// as fast as it can and never skips events). Keys are user ids, so one user's events stay in order on
/// one partition. Waits for every delivery report before returning.
/// </summary>
public static class SocialEventProducer
{
    public static SocialProduceResult Run(
        string bootstrapServers,
        string topic,
        SocialJsonOptions options,
        double eventsPerSecond,
        long count,
        CancellationToken cancellation = default,
        IEnumerable<KeyValuePair<string, string>>? producerProperties = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        KafkaNative.EnsureLoaded();
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 5,
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        foreach (var kv in producerProperties ?? [])
        {
            config.Set(kv.Key, kv.Value);
        }

        var generator = new SocialJsonGenerator(options);
        long malformed = 0, late = 0, bytes = 0, errors = 0;
        var stopwatch = Stopwatch.StartNew();
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        Action<DeliveryReport<byte[], byte[]>> report = r =>
        {
            if (r.Error.IsError)
            {
                Interlocked.Increment(ref errors);
            }
        };
        long sent = 0;
        for (; sent < count && !cancellation.IsCancellationRequested; sent++)
        {
            var due = sent / eventsPerSecond;
            var ahead = due - stopwatch.Elapsed.TotalSeconds;
            if (ahead > 0.002)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }

            generator.Generate(sent);
            malformed += generator.Malformed == MalformedKind.None ? 0 : 1;
            late += generator.IsLate ? 1 : 0;
            bytes += generator.Value.Length;
            var message = new Message<byte[], byte[]> { Key = generator.Key.ToArray(), Value = generator.Value.ToArray() };
            while (true)
            {
                try
                {
                    producer.Produce(topic, message, report);
                    break;
                }
                catch (ProduceException<byte[], byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // Back-pressure: let the queue drain.
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
                catch (ProduceException<byte[], byte[]>)
                {
                    // Rejected before sending (e.g. larger than message.max.bytes): counted, not fatal.
                    Interlocked.Increment(ref errors);
                    break;
                }
            }
        }

        // Deliveries still retry (up to message.timeout.ms) after a cancellation; a second Ctrl+C kills the process.
        while (producer.Flush(TimeSpan.FromSeconds(1)) > 0)
        {
        }

        return new SocialProduceResult(sent, malformed, late, bytes, Interlocked.Read(ref errors), stopwatch.Elapsed);
    }
}
