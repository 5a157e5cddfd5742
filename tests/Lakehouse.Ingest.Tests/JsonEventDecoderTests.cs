using System.Text;
using Confluent.Kafka;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using TimestampType = Lakehouse.Arrow.Types.TimestampType;
using Lakehouse.Ingest.Decoding;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class JsonEventDecoderTests
{
    private static readonly MessageOrigin s_origin = new("events", 2, 41, 1_700_000_000_123);

    private static JsonMappingOptions AllTypes(bool envelope = false) => new()
    {
        IncludeEnvelope = envelope,
        Columns =
        [
            new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true),
            new ColumnMapping("ts", "$.ts", JsonColumnType.Timestamp),
            new ColumnMapping("ts_s", "epoch.s", JsonColumnType.Timestamp) { EpochUnit = TimeUnit.Second },
            new ColumnMapping("ts_ms", "epoch.ms", JsonColumnType.Timestamp) { EpochUnit = TimeUnit.Millisecond },
            new ColumnMapping("ts_us", "epoch.us", JsonColumnType.Timestamp) { EpochUnit = TimeUnit.Microsecond },
            new ColumnMapping("text", "text", JsonColumnType.String),
            new ColumnMapping("likes", "likes", JsonColumnType.Int32),
            new ColumnMapping("sentiment", "sentiment", JsonColumnType.Float64),
            new ColumnMapping("verified", "user.verified", JsonColumnType.Boolean),
            new ColumnMapping("user_id", "user.id", JsonColumnType.Int64),
            new ColumnMapping("hashtags", "hashtags", JsonColumnType.List),
            new ColumnMapping("scores", "scores", JsonColumnType.List) { ElementType = JsonColumnType.Int64 },
            new ColumnMapping("user", "user", JsonColumnType.Json),
        ],
    };

    private static (DecodeOutcome Outcome, JsonEventDecoder Decoder) DecodeOne(string json, JsonMappingOptions? options = null) =>
        DecodeOne(Encoding.UTF8.GetBytes(json), options);

    private static (DecodeOutcome Outcome, JsonEventDecoder Decoder) DecodeOne(byte[] value, JsonMappingOptions? options = null)
    {
        var decoder = new JsonEventDecoder(options ?? AllTypes());
        var outcome = decoder.Append(s_origin, "k1"u8, false, value, null, 5);
        return (outcome, decoder);
    }

    [Fact]
    public void MapsEveryTypeIntoTypedColumns()
    {
        const string json = """
            {"event_id": 7, "ts": "2026-11-01T12:30:45.123456Z", "epoch": {"s": 1700000000, "ms": 1700000000123, "us": 1700000000123456},
             "text": "caf\u00e9 \"quoted\" ok", "likes": 12, "sentiment": -0.25, "ignored": {"deep": [1, {"x": 2}]},
             "user": {"id": 99, "verified": true, "followers": 5}, "hashtags": ["#a", null, "#b\u0021"], "scores": [1, -2, 3000000000]}
            """;
        var (outcome, decoder) = DecodeOne(json);
        Assert.True(outcome.IsGood, outcome.Message);
        var batch = decoder.TakeGood();
        Assert.Equal(1, batch.Length);
        Assert.Equal(0, decoder.TakeDeadLetters().Length);
        Assert.Equal(7L, Prim<long>(batch, "event_id").Value(0));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 30, 45, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1000 + 123_456, Prim<long>(batch, "ts").Value(0));
        Assert.Equal(1_700_000_000_000_000L, Prim<long>(batch, "ts_s").Value(0));
        Assert.Equal(1_700_000_000_123_000L, Prim<long>(batch, "ts_ms").Value(0));
        Assert.Equal(1_700_000_000_123_456L, Prim<long>(batch, "ts_us").Value(0));
        Assert.Equal("café \"quoted\" ok", ((BinaryArray)batch.Column("text")!).GetString(0));
        Assert.Equal(12, Prim<int>(batch, "likes").Value(0));
        Assert.Equal(-0.25, Prim<double>(batch, "sentiment").Value(0));
        Assert.True(((BooleanArray)batch.Column("verified")!).GetValue(0));
        Assert.Equal(99L, Prim<long>(batch, "user_id").Value(0));
        Assert.Equal("""{"id": 99, "verified": true, "followers": 5}""", ((BinaryArray)batch.Column("user")!).GetString(0));
        var tags = (ListArray)batch.Column("hashtags")!;
        var tagValues = (BinaryArray)tags.Values;
        Assert.Equal(3, tags.ValueOffsets[1] - tags.ValueOffsets[0]);
        Assert.Equal("#a", tagValues.GetString(0));
        Assert.False(tagValues.IsValid(1));
        Assert.Equal("#b!", tagValues.GetString(2));
        var scores = (PrimitiveArray<long>)((ListArray)batch.Column("scores")!).Values;
        Assert.Equal([1L, -2L, 3_000_000_000L], scores.Values.ToArray());
        Assert.Equal(new TimestampType(TimeUnit.Microsecond, "UTC"), decoder.Schema[1].Type);
        Assert.False(decoder.Schema[0].IsNullable);
    }

    [Fact]
    public void AbsentAndNullOptionalFieldsAreNulls()
    {
        var (outcome, decoder) = DecodeOne("""{"event_id": 1, "likes": null, "user": null}""");
        Assert.True(outcome.IsGood, outcome.Message);
        var batch = decoder.TakeGood();
        for (var c = 1; c < batch.ColumnCount; c++)
        {
            Assert.False(batch.Column(c).IsValid(0), batch.Schema[c].Name);
        }
    }

    [Theory]
    [InlineData("2026-11-01T12:30:45Z", 0)]
    [InlineData("2026-11-01T13:30:45+01:00", 0)]
    [InlineData("2026-11-01T12:30:45.5Z", 500_000)]
    [InlineData("2026-11-01 12:30:45", 0)]
    public void ParsesIso8601Variants(string text, long extraMicros)
    {
        var (outcome, decoder) = DecodeOne($$"""{"event_id": 1, "ts": "{{text}}"}""");
        Assert.True(outcome.IsGood, outcome.Message);
        var expected = (new DateTimeOffset(2026, 11, 1, 12, 30, 45, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000) + extraMicros;
        Assert.Equal(expected, Prim<long>(decoder.TakeGood(), "ts").Value(0));
    }

    [Fact]
    public void FractionalEpochSecondsRoundToMicroseconds()
    {
        var (outcome, decoder) = DecodeOne("""{"event_id": 1, "epoch": {"s": 1.5}}""");
        Assert.True(outcome.IsGood, outcome.Message);
        Assert.Equal(1_500_000L, Prim<long>(decoder.TakeGood(), "ts_s").Value(0));
    }

    [Theory]
    [InlineData("""{"event_id": 1, "likes": "many"}""", "$.likes", "$.likes: expected an integer (int32), got a string")]
    [InlineData("""{"event_id": 1, "likes": 3000000000}""", "$.likes", "$.likes: 3000000000 is not an integer that fits int32")]
    [InlineData("""{"event_id": 1.5}""", "$.event_id", "$.event_id: 1.5 is not an integer that fits int64")]
    [InlineData("""{"event_id": 1, "sentiment": true}""", "$.sentiment", "$.sentiment: expected a number, got a boolean")]
    [InlineData("""{"event_id": 1, "user": {"verified": "yes"}}""", "$.user.verified", "$.user.verified: expected true or false, got a string")]
    [InlineData("""{"event_id": 1, "epoch": 5}""", "$.epoch", "$.epoch: expected an object, got a number")]
    [InlineData("""{"event_id": 1, "ts": "yesterday"}""", "$.ts", "$.ts: \"yesterday\" is not an ISO-8601 timestamp")]
    [InlineData("""{"event_id": 1, "ts": [1]}""", "$.ts", "$.ts: expected an ISO-8601 string or an epoch number, got an array")]
    [InlineData("""{"event_id": 1, "epoch": {"s": 1e300}}""", "$.epoch.s", "$.epoch.s: epoch value 1e300 is out of the timestamp range")]
    [InlineData("""{"event_id": 1, "hashtags": "#a"}""", "$.hashtags", "$.hashtags: expected an array, got a string")]
    [InlineData("""{"event_id": 1, "hashtags": ["#a", 2]}""", "$.hashtags", "$.hashtags[1]: expected a string, got a number")]
    [InlineData("""{"event_id": 1, "scores": [1, "2"]}""", "$.scores", "$.scores[1]: expected an integer (int64), got a string")]
    [InlineData("""{"event_id": 1, "text": {"a": 1}}""", "$.text", "$.text: expected a string, got an object")]
    public void WrongTypesAreDeadLettersNamingThePath(string json, string path, string message)
    {
        var (outcome, decoder) = DecodeOne(json);
        Assert.False(outcome.IsGood);
        Assert.Equal(DeadLetterKind.WrongType, outcome.Kind);
        Assert.Equal(path, outcome.Path);
        Assert.Equal(message, outcome.Message);
        Assert.Equal(0, decoder.TakeGood().Length);
        var dead = decoder.TakeDeadLetters();
        Assert.Equal(1, dead.Length);
        Assert.Equal("wrong_type", ((BinaryArray)dead.Column("error_kind")!).GetString(0));
        Assert.Equal(path, ((BinaryArray)dead.Column("error_path")!).GetString(0));
        Assert.Equal(message, ((BinaryArray)dead.Column("error_message")!).GetString(0));
        Assert.Equal(json, Encoding.UTF8.GetString(((BinaryArray)dead.Column("raw")!).GetBytes(0)));
    }

    [Theory]
    [InlineData("""{"likes": 1}""", "$.event_id is required but missing or null")]
    [InlineData("""{"event_id": null}""", "$.event_id is required but missing or null")]
    [InlineData("""{"nested": {"event_id": 1}}""", "$.event_id is required but missing or null")]
    public void MissingRequiredFields(string json, string message)
    {
        var (outcome, _) = DecodeOne(json);
        Assert.Equal(DeadLetterKind.MissingRequired, outcome.Kind);
        Assert.Equal("$.event_id", outcome.Path);
        Assert.Equal(message, outcome.Message);
    }

    [Theory]
    [InlineData("""{"event_id": 1, "text": "cut""")]
    [InlineData("""{"event_id": 1} trailing""")]
    [InlineData("""{"event_id": 1,}""")]
    [InlineData("""{"event_id": 1, "ignored": [1, 2}""")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    public void InvalidJson(string json)
    {
        var (outcome, decoder) = DecodeOne(json);
        Assert.False(outcome.IsGood);
        Assert.Equal(DeadLetterKind.InvalidJson, outcome.Kind);
        Assert.False(string.IsNullOrEmpty(outcome.Message));
        Assert.Equal(1, decoder.TakeDeadLetters().Length);
    }

    [Fact]
    public void InvalidJsonMessageGivesThePosition()
    {
        var (outcome, _) = DecodeOne("""{"event_id": 1, "text": "cut""");
        Assert.Contains("(line 1, byte", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8NamesTheByte()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"event_id": 1, "text": "ab?"}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xFF;
        var (outcome, _) = DecodeOne(bytes);
        Assert.Equal(DeadLetterKind.InvalidUtf8, outcome.Kind);
        Assert.Equal("invalid UTF-8 at byte 27 (0xFF)", outcome.Message);
    }

    [Fact]
    public void OversizeKeepsTheRawPrefixAndTheFullLength()
    {
        var options = AllTypes() with { MaxMessageBytes = 64, MaxDeadLetterBytes = 10 };
        var json = "{\"event_id\": 1, \"text\": \"" + new string('x', 100) + "\"}";
        var (outcome, decoder) = DecodeOne(json, options);
        Assert.Equal(DeadLetterKind.Oversize, outcome.Kind);
        Assert.Equal("the value is 127 bytes, the limit is 64", outcome.Message);
        var dead = decoder.TakeDeadLetters();
        Assert.Equal(10, ((BinaryArray)dead.Column("raw")!).GetBytes(0).Length);
        Assert.Equal(127, ((PrimitiveArray<int>)dead.Column("raw_length")!).Value(0));
    }

    [Fact]
    public void HeaderPlusBodyModeKeepsTheEnvelopeAndTheRawBody()
    {
        var decoder = new JsonEventDecoder(AllTypes(envelope: true));
        const string json = """{"event_id": 3, "new_field": {"added": "upstream"}}""";
        var headers = new Headers { { "source", "app"u8.ToArray() }, { "trace", null } };
        Assert.True(decoder.Append(s_origin, "user-9"u8, false, Encoding.UTF8.GetBytes(json), headers, 1234).IsGood);
        Assert.True(decoder.Append(s_origin with { Offset = 42, TimestampMs = null }, default, true, """{"event_id": 4}"""u8, null, 1235).IsGood);
        var batch = decoder.TakeGood();
        Assert.Equal(
            ["kafka_topic", "kafka_partition", "kafka_offset", "kafka_key", "kafka_timestamp", "kafka_headers", "ingest_time", "body", "event_id"],
            batch.Schema.Fields.Take(9).Select(f => f.Name));
        Assert.Equal("events", ((BinaryArray)batch.Column(0)).GetString(0));
        Assert.Equal(2, Prim<int>(batch, "kafka_partition").Value(0));
        Assert.Equal([41L, 42L], Prim<long>(batch, "kafka_offset").Values.ToArray());
        Assert.Equal("user-9", ((BinaryArray)batch.Column(3)).GetString(0));
        Assert.False(batch.Column(3).IsValid(1));
        Assert.Equal(1_700_000_000_123_000L, Prim<long>(batch, "kafka_timestamp").Value(0));
        Assert.False(batch.Column(4).IsValid(1));
        var map = (MapArray)batch.Column(5);
        Assert.Equal(2, map.ValueOffsets[1] - map.ValueOffsets[0]);
        Assert.Equal("source", ((BinaryArray)map.Keys).GetString(0));
        Assert.Equal("app", ((BinaryArray)map.Items).GetString(0));
        Assert.False(map.Items.IsValid(1));
        Assert.False(map.IsValid(1));
        Assert.Equal([1234L, 1235L], Prim<long>(batch, "ingest_time").Values.ToArray());
        Assert.Equal(json, ((BinaryArray)batch.Column(7)).GetString(0));
    }

    [Fact]
    public void EveryMessageEndsInExactlyOneOfTheTwoBatches()
    {
        var decoder = new JsonEventDecoder(AllTypes(envelope: true));
        string[] messages = ["""{"event_id": 1}""", "{", """{"event_id": "x"}""", """{"likes": 2}""", """{"event_id": 2, "likes": 5}"""];
        for (var i = 0; i < messages.Length; i++)
        {
            decoder.Append(s_origin with { Offset = i }, default, true, Encoding.UTF8.GetBytes(messages[i]), null, 0);
        }

        var good = decoder.TakeGood();
        var dead = decoder.TakeDeadLetters();
        Assert.Equal([0L, 4L], Prim<long>(good, "kafka_offset").Values.ToArray());
        Assert.Equal([1L, 2L, 3L], Prim<long>(dead, "kafka_offset").Values.ToArray());
        // A dead letter in the middle left no partial values behind in any column.
        foreach (var column in good.Columns)
        {
            Assert.Equal(2, column.Length);
        }

        Assert.Equal([1L, 2L], Prim<long>(good, "event_id").Values.ToArray());
        Assert.Equal(5, Prim<int>(good, "likes").Value(1));
    }

    [Fact]
    public void RejectsConflictingMappings()
    {
        Assert.Throws<ArgumentException>(() => new JsonEventDecoder(new JsonMappingOptions
        {
            Columns = [new ColumnMapping("a", "x", JsonColumnType.Int64), new ColumnMapping("a", "y", JsonColumnType.Int64)],
        }));
        Assert.Throws<ArgumentException>(() => new JsonEventDecoder(new JsonMappingOptions
        {
            Columns = [new ColumnMapping("a", "x", JsonColumnType.Int64), new ColumnMapping("b", "$.x", JsonColumnType.String)],
        }));
        Assert.Throws<ArgumentException>(() => new JsonEventDecoder(new JsonMappingOptions
        {
            Columns = [new ColumnMapping("kafka_offset", "x", JsonColumnType.Int64)],
        }));
        Assert.Throws<FormatException>(() => new JsonEventDecoder(new JsonMappingOptions
        {
            Columns = [new ColumnMapping("a", "x..y", JsonColumnType.Int64)],
        }));
    }

    private static PrimitiveArray<T> Prim<T>(RecordBatch batch, string name)
        where T : unmanaged => (PrimitiveArray<T>)batch.Column(name)!;
}
