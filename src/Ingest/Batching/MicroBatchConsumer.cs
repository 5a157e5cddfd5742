using Confluent.Kafka;
using Lakehouse.Ingest.Kafka;

namespace Lakehouse.Ingest.Batching;

/// <summary>
/// A consumer-group member that feeds a <see cref="MicroBatcher"/> and hands each due batch to a sink (the
/// table commit). Only after the sink returns are the offsets committed to the Kafka group (for lag
/// monitoring; the table's snapshot summary is the source of truth). Before partitions are revoked in a
/// rebalance, the open batch is flushed through the sink, so no member ever commits rows of a partition it
/// no longer owns. On assignment it starts each partition at the offset the sink's durable store reports
/// (the table's snapshot summary; <c>startOffsets</c>), falling back to the group's committed offsets and
/// then the reset policy — the group commit can fail in a rebalance, the sink's store cannot disagree with
/// the rows. On cancellation the open batch is flushed too (graceful shutdown).
/// </summary>
public sealed class MicroBatchConsumer : IDisposable
{
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly MicroBatcher _batcher;
    private readonly Action<MicroBatch> _sink;

    /// <param name="startOffsets">
    /// Given newly assigned partitions, the next offset the sink has durably stored for each (absent: unknown);
    /// null to rely on the group's committed offsets only.
    /// </param>
    public MicroBatchConsumer(
        ConsumerConfig config,
        IEnumerable<string> topics,
        MicroBatcher batcher,
        Action<MicroBatch> sink,
        Func<IReadOnlyList<TopicPartition>, IReadOnlyDictionary<TopicPartition, long>>? startOffsets = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(batcher);
        ArgumentNullException.ThrowIfNull(sink);
        KafkaNative.EnsureLoaded();
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        _batcher = batcher;
        _sink = sink;
        _consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetPartitionsAssignedHandler((_, partitions) => StartPositions(partitions, startOffsets))
            .SetPartitionsRevokedHandler((_, _) => FlushNow())
            .SetPartitionsLostHandler((_, _) => DiscardOpenBatch())
            .Build();
        _consumer.Subscribe(topics);
    }

    public IReadOnlyList<TopicPartition> Assignment => _consumer.Assignment;

    public long BatchesCommitted { get; private set; }

    /// <summary>Messages in the open (not yet flushed) batch.</summary>
    public int PendingCount => _batcher.Count;

    /// <summary>Consumes until cancelled (then flushes the open batch and returns).</summary>
    public void Run(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            PollOnce(_batcher.TimeUntilDue);
        }

        FlushNow();
    }

    /// <summary>One poll (at most <paramref name="timeout"/>), then a flush if the batch is due.</summary>
    public void PollOnce(TimeSpan timeout)
    {
        var result = _consumer.Consume(timeout);
        if (result is not null && !result.IsPartitionEOF)
        {
            _batcher.Add(result);
        }

        if (_batcher.IsDue)
        {
            FlushNow();
        }
    }

    /// <summary>Sends the open batch (if any) to the sink, then commits its offsets to the group.</summary>
    public void FlushNow()
    {
        if (_batcher.Count == 0)
        {
            return;
        }

        var batch = _batcher.Flush();
        _sink(batch);
        BatchesCommitted++;
        try
        {
            _consumer.Commit(batch.KafkaCommitOffsets());
        }
        catch (KafkaException)
        {
            // Group offsets are for monitoring only; the sink's commit already holds the offsets.
        }
    }

    public void Dispose()
    {
        try
        {
            _consumer.Close();
        }
        catch (KafkaException)
        {
            // Leaving the group failed (e.g. brokers gone); the session times out instead.
        }

        _consumer.Dispose();
    }

    private static List<TopicPartitionOffset> StartPositions(
        List<TopicPartition> partitions,
        Func<IReadOnlyList<TopicPartition>, IReadOnlyDictionary<TopicPartition, long>>? startOffsets)
    {
        var stored = startOffsets?.Invoke(partitions);
        var result = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var tp in partitions)
        {
            result.Add(stored is not null && stored.TryGetValue(tp, out var next)
                ? new TopicPartitionOffset(tp, new Offset(next))
                : new TopicPartitionOffset(tp, Offset.Unset));
        }

        return result;
    }

    private void DiscardOpenBatch()
    {
        // Partitions lost without a clean revoke (session timeout): another member may own them already, so
        // the rows must not be committed. librdkafka reports the whole assignment lost, and the next
        // assignment starts again from the committed offsets, so nothing is skipped.
        if (_batcher.Count > 0)
        {
            _batcher.Flush();
        }
    }
}
