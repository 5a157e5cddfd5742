namespace Lakehouse.Ingest.Decoding;

/// <summary>Where a message came from: topic, partition, offset and the Kafka timestamp (ms since the epoch, or null).</summary>
public readonly record struct MessageOrigin(string Topic, int Partition, long Offset, long? TimestampMs);
