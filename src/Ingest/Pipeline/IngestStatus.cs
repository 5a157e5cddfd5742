using System.Text.Json.Serialization;

namespace Lakehouse.Ingest.Pipeline;

/// <summary>
/// What <c>lakehouse ingest status</c> shows: the pipeline's counters and per-partition lag, as written to
/// the status file (JSON, snake_case) after every commit and every second.
/// </summary>
public sealed record IngestStatus
{
    [JsonPropertyName("group")]
    public string Group { get; init; } = string.Empty;

    [JsonPropertyName("target_table")]
    public string TargetTable { get; init; } = string.Empty;

    [JsonPropertyName("dead_letter_table")]
    public string DeadLetterTable { get; init; } = string.Empty;

    [JsonPropertyName("state")]
    public string State { get; init; } = "running";

    [JsonPropertyName("pid")]
    public int ProcessId { get; init; }

    [JsonPropertyName("started")]
    public DateTimeOffset Started { get; init; }

    [JsonPropertyName("updated")]
    public DateTimeOffset Updated { get; init; }

    [JsonPropertyName("records")]
    public long Records { get; init; }

    [JsonPropertyName("dead_letters")]
    public long DeadLetters { get; init; }

    [JsonPropertyName("dead_letters_by_kind")]
    public IReadOnlyDictionary<string, long> DeadLettersByKind { get; init; } = new Dictionary<string, long>();

    [JsonPropertyName("commits")]
    public long Commits { get; init; }

    /// <summary>Committed messages per second over the last minute.</summary>
    [JsonPropertyName("records_per_second")]
    public double RecordsPerSecond { get; init; }

    [JsonPropertyName("last_commit")]
    public DateTimeOffset? LastCommit { get; init; }

    [JsonPropertyName("last_commit_latency_ms")]
    public double? LastCommitLatencyMs { get; init; }

    /// <summary>At the last commit: its time minus the newest Kafka timestamp it made visible.</summary>
    [JsonPropertyName("freshness_ms")]
    public double? FreshnessMs { get; init; }

    [JsonPropertyName("pending_messages")]
    public int PendingMessages { get; init; }

    [JsonPropertyName("partitions")]
    public IReadOnlyList<PartitionStatus> Partitions { get; init; } = [];
}
