using Confluent.Kafka;
using Lakehouse.Arrow;

namespace Lakehouse.Ingest.Batching;

/// <summary>
/// One closed micro-batch: the good rows and the dead letters decoded from a run of messages, and the next
/// offset to read for every topic-partition they came from. The table commit that makes it visible stores
/// <see cref="NextOffsets"/> in its snapshot summary (<see cref="KafkaOffsetSummary"/>), so the rows and
/// the offsets become durable together.
/// </summary>
public sealed class MicroBatch
{
    public MicroBatch(RecordBatch good, RecordBatch deadLetters, IReadOnlyDictionary<TopicPartition, long> nextOffsets, long bytes, long? maxKafkaTimestampMs)
    {
        Good = good;
        DeadLetters = deadLetters;
        NextOffsets = nextOffsets;
        Bytes = bytes;
        MaxKafkaTimestampMs = maxKafkaTimestampMs;
    }

    public RecordBatch Good { get; }

    public RecordBatch DeadLetters { get; }

    public IReadOnlyDictionary<TopicPartition, long> NextOffsets { get; }

    /// <summary>Messages in the batch (good rows plus dead letters).</summary>
    public int Messages => Good.Length + DeadLetters.Length;

    /// <summary>Sum of the message value sizes.</summary>
    public long Bytes { get; }

    /// <summary>Newest Kafka timestamp in the batch, for freshness (Kafka timestamp to committed).</summary>
    public long? MaxKafkaTimestampMs { get; }

    /// <summary>The snapshot-summary property for consumer group <paramref name="group"/>.</summary>
    public KeyValuePair<string, string> OffsetsSummary(string group) =>
        new(KafkaOffsetSummary.Key(group), KafkaOffsetSummary.Format(NextOffsets));

    /// <summary>The offsets to commit to the Kafka group after the table commit (for lag monitoring).</summary>
    public List<TopicPartitionOffset> KafkaCommitOffsets()
    {
        var list = new List<TopicPartitionOffset>(NextOffsets.Count);
        foreach (var (tp, next) in NextOffsets)
        {
            list.Add(new TopicPartitionOffset(tp, new Offset(next)));
        }

        return list;
    }
}
