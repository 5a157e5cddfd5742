using Confluent.Kafka;
using Lakehouse.Arrow;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>
/// What the pipeline needs from a table it ingests into (the target table or the dead-letter table): the
/// Kafka offsets its snapshots record, and an atomic append that records new ones. The Iceberg
/// implementation is <c>IcebergIngestTable</c>; tests also use an in-memory one.
/// </summary>
public interface IIngestTable
{
    /// <summary>The table's name (for logs and status).</summary>
    string Name { get; }

    /// <summary>The arrow schema rows must have.</summary>
    Schema Schema { get; }

    /// <summary>
    /// The next offset per topic-partition that the table has recorded for consumer group
    /// <paramref name="group"/>: the <c>lakehouse.kafka.offsets.&lt;group&gt;</c> summary property of the newest
    /// snapshot in the current snapshot's ancestry that carries it (empty when none does).
    /// </summary>
    Task<Dictionary<TopicPartition, long>> LoadOffsetsAsync(string group, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="rows"/> (possibly none) in one snapshot whose summary records, for group
    /// <paramref name="group"/>, the table's offsets updated with <paramref name="next"/> (other partitions
    /// carried forward, so expiring older snapshots never loses offsets). Atomic with the fence: for every
    /// partition in <paramref name="next"/> the table's recorded offset must still be
    /// <paramref name="expected"/>'s (absent there: not recorded), otherwise nothing is written and
    /// <see cref="OffsetFenceException"/> is thrown (another member took the partition over, or an earlier
    /// attempt of this commit did land). Concurrent commits touching other partitions or other writers
    /// (compaction) are retried inside.
    /// </summary>
    Task CommitAsync(
        RecordBatch rows,
        string group,
        IReadOnlyDictionary<TopicPartition, long> expected,
        IReadOnlyDictionary<TopicPartition, long> next,
        CancellationToken cancellationToken);
}
