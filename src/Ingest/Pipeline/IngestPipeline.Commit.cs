using Confluent.Kafka;
using Lakehouse.Ingest.Batching;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>The commit of one micro-batch: fence checks, the two table appends, retries, group offsets, status.</summary>
public sealed partial class IngestPipeline
{
    private const int MaxAttempts = 8;

    /// <summary>Commits the open batch (if any) to the tables, then its offsets to the Kafka group.</summary>
    private void Flush(CancellationToken cancellation)
    {
        if (_batcher.Count == 0)
        {
            return;
        }

        var batch = _batcher.Flush();
        if (batch.NextOffsets.Count == 0)
        {
            return;
        }

        var assigned = new HashSet<TopicPartition>(_consumer.Assignment);
        foreach (var tp in batch.NextOffsets.Keys)
        {
            if (!assigned.Contains(tp))
            {
                _log.Write("batch_dropped", ("reason", $"{tp.Topic}/{tp.Partition.Value} is no longer assigned"), ("messages", batch.Messages));
                return;
            }
        }

        var timer = StartTimer();
        try
        {
            if (batch.DeadLetters.Length > 0)
            {
                var expected = Bases(_deadBase, batch.NextOffsets);
                WithRetry("commit dead letters", ct => _deadLetters.CommitAsync(batch.DeadLetters, _config.Source.Group, expected, batch.NextOffsets, ct), cancellation);
                Advance(_deadBase, batch.NextOffsets, deadLetters: true);
            }

            var expectedTarget = Bases(_targetBase, batch.NextOffsets);
            WithRetry("commit rows", ct => _target.CommitAsync(batch.Good, _config.Source.Group, expectedTarget, batch.NextOffsets, ct), cancellation);
            Advance(_targetBase, batch.NextOffsets, deadLetters: false);
        }
        catch (OffsetFenceException e)
        {
            _log.Write("fenced", ("reason", e.Message), ("messages", batch.Messages));
            Resync();
            return;
        }

        var latency = timer.Elapsed;
        try
        {
            _consumer.Commit(batch.KafkaCommitOffsets());
        }
        catch (KafkaException)
        {
            // Group offsets are for monitoring only; the tables hold the offsets.
        }

        _status.Committed(batch, latency);
        _log.Write(
            "commit",
            ("rows", batch.Good.Length),
            ("dead_letters", batch.DeadLetters.Length),
            ("bytes", batch.Bytes),
            ("latency_ms", Micros(latency) / 1000.0),
            ("offsets", KafkaOffsetSummary.Format(batch.NextOffsets)));
        _status.Write(_consumer, _batcher);
    }

    private static Dictionary<TopicPartition, long> Bases(Dictionary<TopicPartition, long> bases, IReadOnlyDictionary<TopicPartition, long> next)
    {
        var expected = new Dictionary<TopicPartition, long>();
        foreach (var tp in next.Keys)
        {
            if (bases.TryGetValue(tp, out var b))
            {
                expected[tp] = b;
            }
        }

        return expected;
    }

    private void Advance(Dictionary<TopicPartition, long> bases, IReadOnlyDictionary<TopicPartition, long> next, bool deadLetters)
    {
        foreach (var (tp, offset) in next)
        {
            bases[tp] = offset;
            _batcher.SetFloors(tp, deadLetters ? (_targetBase.TryGetValue(tp, out var t) ? t : null) : offset, deadLetters ? offset : (_deadBase.TryGetValue(tp, out var d) ? d : null));
        }
    }

    /// <summary>After a fence: re-read both tables' offsets and move every assigned partition to the target's.</summary>
    private void Resync()
    {
        var assignment = _consumer.Assignment;
        var starts = LoadStarts(assignment);
        foreach (var tp in assignment)
        {
            var offset = starts.TryGetValue(tp, out var s) ? new Offset(s) : CommittedOrReset(tp);
            _consumer.Seek(new TopicPartitionOffset(tp, offset));
        }

        _log.Write("resync", ("partitions", Describe(assignment.Select(tp => new TopicPartitionOffset(tp, starts.TryGetValue(tp, out var s) ? new Offset(s) : Offset.Unset)))));
    }

    private Offset CommittedOrReset(TopicPartition tp)
    {
        try
        {
            var committed = _consumer.Committed([tp], TimeSpan.FromSeconds(10));
            if (committed.Count == 1 && committed[0].Offset.Value >= 0)
            {
                return committed[0].Offset;
            }
        }
        catch (KafkaException)
        {
            // Fall through to the reset policy.
        }

        return _config.Source.AutoOffsetReset == "latest" ? Offset.End : Offset.Beginning;
    }

    /// <summary>
    /// Runs a table operation, retrying transient failures (I/O, storage, catalog conflicts) with exponential
    /// backoff; a fence is never retried; after <see cref="MaxAttempts"/> the error is permanent and stops the
    /// pipeline rather than skipping data.
    /// </summary>
    private T WithRetry<T>(string what, Func<CancellationToken, Task<T>> operation, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return operation(cancellation).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OffsetFenceException and not OperationCanceledException and not OutOfMemoryException && attempt < MaxAttempts && IsTransient(e))
            {
                _log.Write("retry", ("operation", what), ("attempt", attempt), ("error", e.Message));
                Thread.Sleep(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private void WithRetry(string what, Func<CancellationToken, Task> operation, CancellationToken cancellation) =>
        WithRetry<int>(what, async ct =>
        {
            await operation(ct).ConfigureAwait(false);
            return 0;
        }, cancellation);

    private static bool IsTransient(Exception e) =>
        e is IOException or TimeoutException or Lakehouse.Table.Catalog.CommitConflictException or HttpRequestException
        || (e.InnerException is { } inner && IsTransient(inner));
}
