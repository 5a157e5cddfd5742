namespace Lakehouse.Ingest.Decoding;

/// <summary>How messages become rows: the mapped columns, header + body mode, and the size limit.</summary>
public sealed record JsonMappingOptions
{
    public const int DefaultMaxMessageBytes = 128 * 1024;
    public const int DefaultMaxDeadLetterBytes = 1024 * 1024;

    public IReadOnlyList<ColumnMapping> Columns { get; init; } = [];

    /// <summary>
    /// Header + body mode: the rows start with the Kafka envelope (kafka_topic, kafka_partition,
    /// kafka_offset, kafka_key, kafka_timestamp, kafka_headers, ingest_time) and the raw body as JSON text,
    /// so fields that upstream adds later are never lost.
    /// </summary>
    public bool IncludeEnvelope { get; init; } = true;

    /// <summary>Larger values are dead letters of kind oversize.</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>Dead-letter <c>raw</c> keeps at most this many bytes of the value (<c>raw_length</c> has the full size).</summary>
    public int MaxDeadLetterBytes { get; init; } = DefaultMaxDeadLetterBytes;
}
