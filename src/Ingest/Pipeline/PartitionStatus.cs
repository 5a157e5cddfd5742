using System.Text.Json.Serialization;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>One assigned partition in <see cref="IngestStatus"/>: committed offset, high watermark, lag.</summary>
public sealed record PartitionStatus
{
    [JsonPropertyName("topic")]
    public string Topic { get; init; } = string.Empty;

    [JsonPropertyName("partition")]
    public int Partition { get; init; }

    /// <summary>The next offset recorded in the target table (null before the first commit).</summary>
    [JsonPropertyName("committed")]
    public long? Committed { get; init; }

    /// <summary>The partition's high watermark as last seen by the consumer (null when unknown).</summary>
    [JsonPropertyName("high_watermark")]
    public long? HighWatermark { get; init; }

    [JsonPropertyName("lag")]
    public long? Lag { get; init; }
}
