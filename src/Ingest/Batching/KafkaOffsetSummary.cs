using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;

namespace Lakehouse.Ingest.Batching;

/// <summary>
/// The snapshot-summary property that makes a table commit exactly-once with respect to Kafka:
/// key <c>lakehouse.kafka.offsets.&lt;group&gt;</c>, value the next offset to read per topic and partition as
/// JSON, e.g. <c>{"events":{"0":1200,"1":1187}}</c> (topics and partitions in ascending order).
/// </summary>
public static class KafkaOffsetSummary
{
    public const string KeyPrefix = "lakehouse.kafka.offsets.";

    public static string Key(string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        return KeyPrefix + group;
    }

    public static string Format(IReadOnlyDictionary<TopicPartition, long> nextOffsets)
    {
        ArgumentNullException.ThrowIfNull(nextOffsets);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            string? topic = null;
            foreach (var (tp, offset) in nextOffsets.OrderBy(kv => kv.Key.Topic, StringComparer.Ordinal).ThenBy(kv => kv.Key.Partition.Value))
            {
                if (!string.Equals(tp.Topic, topic, StringComparison.Ordinal))
                {
                    if (topic is not null)
                    {
                        writer.WriteEndObject();
                    }

                    topic = tp.Topic;
                    writer.WriteStartObject(topic);
                }

                writer.WriteNumber(tp.Partition.Value.ToString(CultureInfo.InvariantCulture), offset);
            }

            if (topic is not null)
            {
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses <see cref="Format"/>'s output; throws <see cref="FormatException"/> for anything else.</summary>
    public static Dictionary<TopicPartition, long> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = new Dictionary<TopicPartition, long>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Kafka offsets summary: expected a JSON object of topics");
            }

            foreach (var topic in doc.RootElement.EnumerateObject())
            {
                if (topic.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"Kafka offsets summary: topic '{topic.Name}' must map partitions to offsets");
                }

                foreach (var p in topic.Value.EnumerateObject())
                {
                    if (!int.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var partition)
                        || p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt64(out var offset) || offset < 0)
                    {
                        throw new FormatException($"Kafka offsets summary: bad entry '{topic.Name}'/'{p.Name}'");
                    }

                    result[new TopicPartition(topic.Name, partition)] = offset;
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"Kafka offsets summary is not JSON: {e.Message}", e);
        }

        return result;
    }
}
