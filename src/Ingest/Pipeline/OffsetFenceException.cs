using Confluent.Kafka;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>
/// A table's recorded offset for a partition is not the one this member based its batch on: the partition
/// moved to another member (zombie fencing), or an earlier attempt of the same commit landed. The batch is
/// dropped and the member re-reads from the table's offsets; nothing is duplicated.
/// </summary>
public sealed class OffsetFenceException : Exception
{
    public OffsetFenceException(string table, TopicPartition partition, long? expected, long? actual)
        : base($"table {table}: {partition.Topic}/{partition.Partition.Value} is recorded at offset {Show(actual)}, this batch was based on {Show(expected)} (partition taken over by another member, or the commit already landed)")
    {
        Table = table;
        Partition = partition;
        Expected = expected;
        Actual = actual;
    }

    public OffsetFenceException()
        : this("?", new TopicPartition("?", 0), null, null)
    {
    }

    public OffsetFenceException(string message)
        : base(message)
    {
        Table = "?";
        Partition = new TopicPartition("?", 0);
    }

    public OffsetFenceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = "?";
        Partition = new TopicPartition("?", 0);
    }

    public string Table { get; }

    public TopicPartition Partition { get; }

    public long? Expected { get; }

    public long? Actual { get; }

    /// <summary>Throws when <paramref name="recorded"/> disagrees with <paramref name="expected"/> for a partition of <paramref name="next"/>.</summary>
    public static void Check(string table, IReadOnlyDictionary<TopicPartition, long> recorded, IReadOnlyDictionary<TopicPartition, long> expected, IReadOnlyDictionary<TopicPartition, long> next)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var tp in next.Keys)
        {
            long? have = recorded.TryGetValue(tp, out var r) ? r : null;
            long? want = expected.TryGetValue(tp, out var e) ? e : null;
            if (have != want)
            {
                throw new OffsetFenceException(table, tp, want, have);
            }
        }
    }

    private static string Show(long? offset) => offset?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)";
}
