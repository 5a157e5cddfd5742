namespace Lakehouse.Ingest.Configuration;

/// <summary>The <c>source</c> section: where the events come from.</summary>
public sealed record SourceConfig
{
    /// <summary>Bootstrap servers; null means the embedded mock cluster (started in-process).</summary>
    public string? Brokers { get; init; }

    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The consumer group (also names the offsets property in the snapshot summaries).</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary><c>earliest</c> or <c>latest</c>: where a partition starts when neither table nor group has an offset.</summary>
    public string AutoOffsetReset { get; init; } = "earliest";

    /// <summary>Further librdkafka properties (SASL, SSL, timeouts...), with <c>${ENV}</c> references already expanded.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Partitions per topic when the embedded mock cluster creates the topics.</summary>
    public int MockPartitions { get; init; } = 3;
}
