using System.Diagnostics;
using Confluent.Kafka;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Kafka;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>
/// One consumer-group member that ingests its partitions into a target table and a dead-letter table,
/// exactly once (spec/ingest.md, "Exactly once"):
/// <list type="bullet">
/// <item>Per micro-batch, the dead letters are appended to the dead-letter table (when there are any), then
/// the good rows to the target table (always, so its offsets advance); each append records the next offsets
/// in that table's snapshot summary atomically with the rows.</item>
/// <item>On assignment each partition starts at the target table's recorded offset (then the group's
/// committed offset, then <c>auto.offset.reset</c>); good rows below the target's offset and dead letters
/// below the dead-letter table's offset are dropped, which covers a crash between the two appends.</item>
/// <item>Every append is fenced: the table's recorded offset for each partition must be the one the batch
/// started from, and the partitions must still be assigned; otherwise the batch is dropped and the member
/// re-reads from the tables' offsets (a zombie never duplicates).</item>
/// <item>Kafka group offsets are committed after the tables, for lag monitoring only.</item>
/// </list>
/// Runs on the calling thread (<see cref="Run"/>); table appends are awaited synchronously there because
/// librdkafka's rebalance callbacks, which must flush, are synchronous.
/// </summary>
public sealed partial class IngestPipeline : IDisposable
{
    private readonly IngestConfig _config;
    private readonly IIngestTable _target;
    private readonly IIngestTable _deadLetters;
    private readonly MicroBatcher _batcher;
    private readonly IConsumer<byte[], byte[]> _consumer;
    private readonly IngestLog _log;
    private readonly TimeProvider _time;
    private readonly Dictionary<TopicPartition, long> _targetBase = [];
    private readonly Dictionary<TopicPartition, long> _deadBase = [];
    private readonly IngestStatusTracker _status;
    private Exception? _fatal;

    public IngestPipeline(IngestConfig config, string bootstrapServers, IIngestTable target, IIngestTable deadLetters, IngestLog? log = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(deadLetters);
        KafkaNative.EnsureLoaded();
        _config = config;
        _target = target;
        _deadLetters = deadLetters;
        _log = log ?? IngestLog.None;
        _time = time ?? TimeProvider.System;
        _batcher = new MicroBatcher(new JsonEventDecoder(config.Target.Mapping), config.Commit, _time);
        _status = new IngestStatusTracker(config, _time);
        var consumerConfig = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = config.Source.Group,
            AutoOffsetReset = config.Source.AutoOffsetReset == "latest" ? AutoOffsetReset.Latest : AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range,
            EnablePartitionEof = false,
        };
        foreach (var (k, v) in config.Source.Properties)
        {
            consumerConfig.Set(k, v);
        }

        consumerConfig.EnableAutoCommit = false;
        consumerConfig.EnableAutoOffsetStore = false;
        _consumer = new ConsumerBuilder<byte[], byte[]>(consumerConfig)
            .SetPartitionsAssignedHandler((_, partitions) => Guard(() => OnAssigned(partitions), []))
            .SetPartitionsRevokedHandler((_, _) => Guard(() => { Flush(CancellationToken.None); return 0; }, 0))
            .SetPartitionsLostHandler((_, _) => Guard(() => { DiscardOpenBatch("partitions lost"); return 0; }, 0))
            .SetErrorHandler((_, e) => _log.Write("kafka_error", ("code", e.Code.ToString()), ("reason", e.Reason), ("fatal", e.IsFatal)))
            .Build();
        _consumer.Subscribe(config.Source.Topics);
    }

    /// <summary>The current status (also written to the status file after every commit).</summary>
    public IngestStatus Status => _status.Snapshot(_consumer, _batcher);

    public IReadOnlyList<TopicPartition> Assignment => _consumer.Assignment;

    /// <summary>Consumes until cancelled, then commits the open batch (graceful shutdown). A permanent failure throws.</summary>
    public void Run(CancellationToken cancellation)
    {
        _log.Write("start", ("group", _config.Source.Group), ("topics", string.Join(',', _config.Source.Topics)), ("target", _target.Name), ("dead_letters", _deadLetters.Name));
        var nextStatus = _time.GetTimestamp();
        while (!cancellation.IsCancellationRequested)
        {
            PollOnce(_batcher.TimeUntilDue < TimeSpan.FromMilliseconds(200) ? _batcher.TimeUntilDue : TimeSpan.FromMilliseconds(200), cancellation);
            if (_time.GetElapsedTime(nextStatus) >= TimeSpan.FromSeconds(1))
            {
                nextStatus = _time.GetTimestamp();
                _status.Write(_consumer, _batcher);
            }
        }

        Flush(CancellationToken.None);
        _status.Write(_consumer, _batcher, stopped: true);
        _log.Write("stop", ("records", _status.Records), ("dead_letters", _status.DeadLetters), ("commits", _status.Commits));
    }

    /// <summary>One poll (at most <paramref name="timeout"/>), then a commit if the batch is due.</summary>
    public void PollOnce(TimeSpan timeout, CancellationToken cancellation = default)
    {
        ConsumeResult<byte[], byte[]>? result;
        try
        {
            result = _consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            _log.Write("consume_error", ("reason", e.Error.Reason));
            result = null;
        }

        ThrowIfFatal();
        if (result is not null && !result.IsPartitionEOF)
        {
            _batcher.Add(result);
        }

        if (_batcher.IsDue)
        {
            Flush(cancellation);
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
            // Leaving the group failed (brokers gone); the session times out instead.
        }

        _consumer.Dispose();
    }

    private T Guard<T>(Func<T> action, T fallback)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _fatal ??= e;
            return fallback;
        }
    }

    private void ThrowIfFatal()
    {
        if (_fatal is { } e)
        {
            throw new InvalidOperationException($"ingest stopped: {e.Message}", e);
        }
    }

    private List<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions)
    {
        var result = new List<TopicPartitionOffset>(partitions.Count);
        var starts = LoadStarts(partitions);
        foreach (var tp in partitions)
        {
            result.Add(new TopicPartitionOffset(tp, starts.TryGetValue(tp, out var s) ? new Offset(s) : Offset.Unset));
        }

        _log.Write("assigned", ("partitions", Describe(result)));
        return result;
    }

    /// <summary>Reads both tables' offsets for <paramref name="partitions"/>, sets the fence bases and floors; returns the target's offsets.</summary>
    private Dictionary<TopicPartition, long> LoadStarts(IReadOnlyList<TopicPartition> partitions)
    {
        var target = WithRetry("load offsets", ct => _target.LoadOffsetsAsync(_config.Source.Group, ct), CancellationToken.None);
        var dead = WithRetry("load offsets", ct => _deadLetters.LoadOffsetsAsync(_config.Source.Group, ct), CancellationToken.None);
        var starts = new Dictionary<TopicPartition, long>();
        foreach (var tp in partitions)
        {
            long? t = target.TryGetValue(tp, out var tv) ? tv : null;
            long? d = dead.TryGetValue(tp, out var dv) ? dv : null;
            SetBase(_targetBase, tp, t);
            SetBase(_deadBase, tp, d);
            _batcher.SetFloors(tp, t, d);
            if (t is { } start)
            {
                starts[tp] = start;
            }
        }

        return starts;
    }

    private static void SetBase(Dictionary<TopicPartition, long> bases, TopicPartition tp, long? value)
    {
        if (value is { } v)
        {
            bases[tp] = v;
        }
        else
        {
            bases.Remove(tp);
        }
    }

    private void DiscardOpenBatch(string reason)
    {
        if (_batcher.Count > 0)
        {
            var dropped = _batcher.Flush();
            _log.Write("batch_dropped", ("reason", reason), ("messages", dropped.Messages));
        }
    }

    private static string Describe(IEnumerable<TopicPartitionOffset> offsets) =>
        string.Join(',', offsets.Select(o => $"{o.Topic}/{o.Partition.Value}@{(o.Offset == Offset.Unset ? "group" : o.Offset.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}"));

    private static long Micros(TimeSpan t) => t.Ticks / TimeSpan.TicksPerMicrosecond;

    private static Stopwatch StartTimer() => Stopwatch.StartNew();
}
