using System.Text.Json;
using Confluent.Kafka;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>Counts what the pipeline committed and writes <see cref="IngestStatus"/> to the status file (atomically, by rename).</summary>
internal sealed class IngestStatusTracker
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    private readonly IngestConfig _config;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly Dictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<TopicPartition, long> _committed = [];
    private readonly Queue<(long Timestamp, long Messages)> _recent = new();
    private DateTimeOffset? _lastCommit;
    private double? _lastLatencyMs;
    private double? _freshnessMs;

    public IngestStatusTracker(IngestConfig config, TimeProvider time)
    {
        _config = config;
        _time = time;
        _started = time.GetUtcNow();
    }

    public long Records { get; private set; }

    public long DeadLetters { get; private set; }

    public long Commits { get; private set; }

    public void Committed(MicroBatch batch, TimeSpan latency)
    {
        var now = _time.GetUtcNow();
        Records += batch.Good.Length;
        DeadLetters += batch.DeadLetters.Length;
        Commits++;
        _lastCommit = now;
        _lastLatencyMs = latency.TotalMilliseconds;
        _freshnessMs = batch.MaxKafkaTimestampMs is { } ts ? now.ToUnixTimeMilliseconds() - ts : null;
        foreach (var (tp, next) in batch.NextOffsets)
        {
            _committed[tp] = next;
        }

        if (batch.DeadLetters.Column("error_kind") is BinaryArray kinds)
        {
            for (var i = 0; i < kinds.Length; i++)
            {
                var kind = kinds.GetString(i) ?? "?";
                _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
            }
        }

        var stamp = _time.GetTimestamp();
        _recent.Enqueue((stamp, batch.Messages));
        while (_recent.Count > 0 && _time.GetElapsedTime(_recent.Peek().Timestamp) > TimeSpan.FromMinutes(1))
        {
            _recent.Dequeue();
        }
    }

    public IngestStatus Snapshot(IConsumer<byte[], byte[]> consumer, MicroBatcher batcher, bool stopped = false)
    {
        var partitions = new List<PartitionStatus>();
        foreach (var tp in consumer.Assignment.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value))
        {
            long? high = null;
            try
            {
                var w = consumer.GetWatermarkOffsets(tp);
                high = w.High.Value >= 0 ? w.High.Value : null;
            }
            catch (KafkaException)
            {
                // Unknown until the first fetch response.
            }

            long? committed = _committed.TryGetValue(tp, out var c) ? c : null;
            partitions.Add(new PartitionStatus
            {
                Topic = tp.Topic,
                Partition = tp.Partition.Value,
                Committed = committed,
                HighWatermark = high,
                Lag = high is { } h && committed is { } cm ? Math.Max(0, h - cm) : null,
            });
        }

        long window = 0;
        foreach (var (_, messages) in _recent)
        {
            window += messages;
        }

        var span = Math.Min(60.0, Math.Max(1.0, (_time.GetUtcNow() - _started).TotalSeconds));
        return new IngestStatus
        {
            Group = _config.Source.Group,
            TargetTable = _config.Target.Table,
            DeadLetterTable = _config.DeadLetterTable,
            State = stopped ? "stopped" : "running",
            ProcessId = Environment.ProcessId,
            Started = _started,
            Updated = _time.GetUtcNow(),
            Records = Records,
            DeadLetters = DeadLetters,
            DeadLettersByKind = new Dictionary<string, long>(_byKind),
            Commits = Commits,
            RecordsPerSecond = Math.Round(window / span, 1),
            LastCommit = _lastCommit,
            LastCommitLatencyMs = _lastLatencyMs,
            FreshnessMs = _freshnessMs,
            PendingMessages = batcher.Count,
            Partitions = partitions,
        };
    }

    public void Write(IConsumer<byte[], byte[]> consumer, MicroBatcher batcher, bool stopped = false)
    {
        var path = _config.StatusFile;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(Snapshot(consumer, batcher, stopped), s_json));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Status is best effort; ingest goes on.
        }
    }

    /// <summary>Reads a status file written by a pipeline.</summary>
    public static IngestStatus? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<IngestStatus>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
