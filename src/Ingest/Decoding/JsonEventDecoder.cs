using System.Text;
using Confluent.Kafka;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using TimestampType = Lakehouse.Arrow.Types.TimestampType;

namespace Lakehouse.Ingest.Decoding;

/// <summary>
/// Decodes UTF-8 JSON Kafka messages straight into Arrow builders: each message becomes a row of
/// <see cref="Schema"/> or a row of <see cref="DeadLetterSchema"/>, never both, never neither. Two passes
/// over the bytes, no per-row objects: the scan (<c>Scan</c>) walks the JSON once with
/// <see cref="System.Text.Json.Utf8JsonReader"/>, finds the mapped paths and converts and checks every
/// value; only a message that passed entirely is appended (<c>Emit</c>), so a poison message never leaves a
/// half-written row. <see cref="TakeGood"/> and <see cref="TakeDeadLetters"/> hand over the batches so far.
/// Not thread-safe: one decoder per consumer.
/// </summary>
public sealed partial class JsonEventDecoder
{
    public const string TopicColumn = "kafka_topic";
    public const string PartitionColumn = "kafka_partition";
    public const string OffsetColumn = "kafka_offset";
    public const string KeyColumn = "kafka_key";
    public const string TimestampColumn = "kafka_timestamp";
    public const string HeadersColumn = "kafka_headers";
    public const string IngestTimeColumn = "ingest_time";
    public const string BodyColumn = "body";
    private const int EnvelopeColumns = 8;

    private readonly JsonMappingOptions _options;
    private readonly ColumnMapping[] _columns;
    private readonly PathNode _root = new(string.Empty, "$");
    private readonly FieldSlot[] _slots;
    private readonly RecordBatchBuilder _good;
    private readonly RecordBatchBuilder _dead;
    private readonly ArrayBuilder[] _mapped;
    private readonly int _maxDepth;
    private byte[] _scratch = new byte[256];
    private string? _lastTopic;
    private byte[] _lastTopicBytes = [];

    public JsonEventDecoder(JsonMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxMessageBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDeadLetterBytes);
        _options = options;
        _columns = [.. options.Columns];
        _slots = new FieldSlot[_columns.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<Field>();
        if (options.IncludeEnvelope)
        {
            fields.AddRange(EnvelopeFields());
            foreach (var f in fields)
            {
                names.Add(f.Name);
            }
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"column '{c.Name}' is declared twice (or clashes with an envelope column)", nameof(options));
            }

            if (c.Type == JsonColumnType.List && c.ElementType is JsonColumnType.List or JsonColumnType.Json)
            {
                throw new ArgumentException($"column '{c.Name}': list elements must be a scalar type, not {c.ElementType}", nameof(options));
            }

            if (c.Type == JsonColumnType.Timestamp && c.EpochUnit == TimeUnit.Nanosecond)
            {
                throw new ArgumentException($"column '{c.Name}': epoch units are s, ms or us", nameof(options));
            }

            var node = _root;
            var segments = c.Segments();
            _maxDepth = Math.Max(_maxDepth, segments.Length);
            foreach (var s in segments)
            {
                node = node.GetOrAdd(s);
            }

            if (node.Column >= 0)
            {
                throw new ArgumentException($"columns '{_columns[node.Column].Name}' and '{c.Name}' map the same path {c.DisplayPath}", nameof(options));
            }

            node.Column = i;
            fields.Add(new Field(c.Name, ArrowTypeOf(c), !c.Required));
        }

        Schema = new Schema(fields);
        DeadLetterSchema = CreateDeadLetterSchema();
        _good = new RecordBatchBuilder(Schema);
        _dead = new RecordBatchBuilder(DeadLetterSchema);
        _mapped = new ArrayBuilder[_columns.Length];
        var first = options.IncludeEnvelope ? EnvelopeColumns : 0;
        for (var i = 0; i < _mapped.Length; i++)
        {
            _mapped[i] = _good.Column(first + i);
        }
    }

    /// <summary>The good-row schema: the envelope columns (header + body mode), then the mapped columns.</summary>
    public Schema Schema { get; }

    /// <summary>
    /// The dead-letter schema: kafka_topic, kafka_partition, kafka_offset, kafka_key, kafka_timestamp,
    /// raw (the value, at most <see cref="JsonMappingOptions.MaxDeadLetterBytes"/>), raw_length,
    /// error_kind, error_path, error_message, ingest_time.
    /// </summary>
    public Schema DeadLetterSchema { get; }

    public int GoodCount => _good.Length;

    public int DeadLetterCount => _dead.Length;

    /// <summary>
    /// Decodes one message and appends it as a good row or as a dead letter (never throws for bad input).
    /// <paramref name="ingestTimeMicros"/> is the ingest_time value (microseconds since the epoch).
    /// </summary>
    public DecodeOutcome Append(in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull, ReadOnlySpan<byte> value, Headers? headers, long ingestTimeMicros) =>
        Append(metadata, key, keyIsNull, value, headers, ingestTimeMicros, keepGood: true, keepDeadLetter: true);

    /// <summary>
    /// As <see cref="Append(in MessageOrigin, ReadOnlySpan{byte}, bool, ReadOnlySpan{byte}, Headers?, long)"/>, but a good
    /// row is only appended when <paramref name="keepGood"/> and a dead letter only when
    /// <paramref name="keepDeadLetter"/> (recovery: the table that already holds the message must not get it again).
    /// </summary>
    public DecodeOutcome Append(in MessageOrigin metadata, ReadOnlySpan<byte> key, bool keyIsNull, ReadOnlySpan<byte> value, Headers? headers, long ingestTimeMicros, bool keepGood, bool keepDeadLetter)
    {
        var outcome = Scan(value);
        if (outcome.IsGood)
        {
            if (keepGood)
            {
                EmitGood(metadata, key, keyIsNull, value, headers, ingestTimeMicros);
            }
        }
        else if (keepDeadLetter)
        {
            EmitDeadLetter(metadata, key, keyIsNull, value, outcome, ingestTimeMicros);
        }

        return outcome;
    }

    /// <summary>The good rows so far as a batch; the decoder starts a new one.</summary>
    public RecordBatch TakeGood() => _good.Build();

    /// <summary>The dead letters so far as a batch; the decoder starts a new one.</summary>
    public RecordBatch TakeDeadLetters() => _dead.Build();

    internal static ArrowType ArrowTypeOf(ColumnMapping c) => c.Type switch
    {
        JsonColumnType.List => new ListType(new Field("item", ScalarArrowType(c.ElementType), true)),
        _ => ScalarArrowType(c.Type),
    };

    private static ArrowType ScalarArrowType(JsonColumnType type) => type switch
    {
        JsonColumnType.String or JsonColumnType.Json => ArrowType.Utf8,
        JsonColumnType.Int32 => ArrowType.Int32,
        JsonColumnType.Int64 => ArrowType.Int64,
        JsonColumnType.Float64 => ArrowType.Float64,
        JsonColumnType.Boolean => ArrowType.Boolean,
        JsonColumnType.Timestamp => new TimestampType(TimeUnit.Microsecond, "UTC"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar column type"),
    };

    private static List<Field> EnvelopeFields() =>
    [
        new(TopicColumn, ArrowType.Utf8, false),
        new(PartitionColumn, ArrowType.Int32, false),
        new(OffsetColumn, ArrowType.Int64, false),
        new(KeyColumn, ArrowType.Binary, true),
        new(TimestampColumn, new TimestampType(TimeUnit.Microsecond, "UTC"), true),
        new(HeadersColumn, new MapType(ArrowType.Utf8, ArrowType.Binary), true),
        new(IngestTimeColumn, new TimestampType(TimeUnit.Microsecond, "UTC"), false),
        new(BodyColumn, ArrowType.Utf8, false),
    ];

    private static Schema CreateDeadLetterSchema() => new(
    [
        new(TopicColumn, ArrowType.Utf8, false),
        new(PartitionColumn, ArrowType.Int32, false),
        new(OffsetColumn, ArrowType.Int64, false),
        new(KeyColumn, ArrowType.Binary, true),
        new(TimestampColumn, new TimestampType(TimeUnit.Microsecond, "UTC"), true),
        new("raw", ArrowType.Binary, false),
        new("raw_length", ArrowType.Int32, false),
        new("error_kind", ArrowType.Utf8, false),
        new("error_path", ArrowType.Utf8, true),
        new("error_message", ArrowType.Utf8, false),
        new(IngestTimeColumn, new TimestampType(TimeUnit.Microsecond, "UTC"), false),
    ]);

    private ReadOnlySpan<byte> TopicBytes(string topic)
    {
        if (!ReferenceEquals(topic, _lastTopic))
        {
            _lastTopic = topic;
            _lastTopicBytes = Encoding.UTF8.GetBytes(topic);
        }

        return _lastTopicBytes;
    }
}
