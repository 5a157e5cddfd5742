using Confluent.Kafka;
using Lakehouse.Ingest.Decoding;

namespace Lakehouse.Ingest.Batching;

/// <summary>
/// Accumulates decoded messages until the <see cref="CommitPolicy"/> says the batch is due, then hands it
/// over as a <see cref="MicroBatch"/> with the next offset per topic-partition. Every message added ends
/// in exactly one batch, as a good row or a dead letter. Not thread-safe: the consumer thread owns it.
/// </summary>
public sealed class MicroBatcher
{
    private readonly JsonEventDecoder _decoder;
    private readonly CommitPolicy _policy;
    private readonly TimeProvider _time;
    private readonly Dictionary<TopicPartition, long> _nextOffsets = [];
    private readonly Dictionary<TopicPartition, long> _goodFloors = [];
    private readonly Dictionary<TopicPartition, long> _deadLetterFloors = [];
    private long _bytes;
    private int _pending;
    private long _openedAt;
    private long? _maxTimestamp;

    public MicroBatcher(JsonEventDecoder decoder, CommitPolicy? policy = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        _decoder = decoder;
        _policy = policy ?? CommitPolicy.Default;
        _policy.Validate();
        _time = time ?? TimeProvider.System;
    }

    public JsonEventDecoder Decoder => _decoder;

    /// <summary>Messages added to the open batch (including any dropped by the recovery floors).</summary>
    public int Count => _pending;

    public long Bytes => _bytes;

    /// <summary>The open batch's next offsets so far.</summary>
    public IReadOnlyDictionary<TopicPartition, long> NextOffsets => _nextOffsets;

    /// <summary>Messages dropped because the table their outcome belongs to already holds them (recovery).</summary>
    public long Skipped { get; private set; }

    /// <summary>
    /// Recovery after a crash between the two table commits: for <paramref name="tp"/>, good rows below
    /// <paramref name="goodFloor"/> are already in the target table and dead letters below
    /// <paramref name="deadLetterFloor"/> already in the dead-letter table, so they are dropped (their offsets still
    /// advance). Null clears a floor.
    /// </summary>
    public void SetFloors(TopicPartition tp, long? goodFloor, long? deadLetterFloor)
    {
        ArgumentNullException.ThrowIfNull(tp);
        if (goodFloor is { } g)
        {
            _goodFloors[tp] = g;
        }
        else
        {
            _goodFloors.Remove(tp);
        }

        if (deadLetterFloor is { } d)
        {
            _deadLetterFloors[tp] = d;
        }
        else
        {
            _deadLetterFloors.Remove(tp);
        }
    }

    public DecodeOutcome Add(ConsumeResult<byte[], byte[]> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = result.Message;
        long? ts = message.Timestamp.Type == Confluent.Kafka.TimestampType.NotAvailable ? null : message.Timestamp.UnixTimestampMs;
        var metadata = new MessageOrigin(result.Topic, result.Partition.Value, result.Offset.Value, ts);
        return Add(metadata, message.Key, message.Key is null, message.Value, message.Headers);
    }

    public DecodeOutcome Add(in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull, ReadOnlySpan<byte> value, Headers? headers)
    {
        var now = _time.GetUtcNow();
        if (Count == 0)
        {
            _openedAt = _time.GetTimestamp();
        }

        var micros = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        var tp = new TopicPartition(metadata.Topic, metadata.Partition);
        var keepGood = !(_goodFloors.TryGetValue(tp, out var goodFloor) && metadata.Offset < goodFloor);
        var keepDead = !(_deadLetterFloors.TryGetValue(tp, out var deadFloor) && metadata.Offset < deadFloor);
        var outcome = _decoder.Append(metadata, key, keyIsNull, value, headers, micros, keepGood, keepDead);
        if (!(outcome.IsGood ? keepGood : keepDead))
        {
            Skipped++;
        }

        _bytes += value.Length;
        _pending++;
        var next = metadata.Offset + 1;
        if (!_nextOffsets.TryGetValue(tp, out var known) || next > known)
        {
            _nextOffsets[tp] = next;
        }

        if (metadata.TimestampMs is { } t && (_maxTimestamp is null || t > _maxTimestamp))
        {
            _maxTimestamp = t;
        }

        return outcome;
    }

    /// <summary>Whether a threshold is reached: rows, bytes, or the open batch's age.</summary>
    public bool IsDue => Count > 0 && (Count >= _policy.MaxRows || _bytes >= _policy.MaxBytes || Age >= _policy.Interval);

    /// <summary>How long until the interval closes the open batch (the consumer's poll timeout); the full interval when empty.</summary>
    public TimeSpan TimeUntilDue
    {
        get
        {
            if (Count == 0)
            {
                return _policy.Interval;
            }

            var left = _policy.Interval - Age;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    private TimeSpan Age => _time.GetElapsedTime(_openedAt);

    /// <summary>Closes the open batch (possibly empty) and starts a new one.</summary>
    public MicroBatch Flush()
    {
        var batch = new MicroBatch(_decoder.TakeGood(), _decoder.TakeDeadLetters(), new Dictionary<TopicPartition, long>(_nextOffsets), _bytes, _maxTimestamp);
        _nextOffsets.Clear();
        _bytes = 0;
        _pending = 0;
        _maxTimestamp = null;
        return batch;
    }
}
