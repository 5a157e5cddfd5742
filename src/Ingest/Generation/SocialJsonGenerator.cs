using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Lakehouse.Ingest.Generation;

/// <summary>
/// Deterministic synthetic social-media events as UTF-8 JSON messages (about 300 bytes each), keyed by
/// user id, for the Kafka ingest demo, tests and benchmarks. Event <c>i</c> of a seed is a pure function of
/// (seed, i). The fields follow the demo dataset (src/Cli/Demo/SocialEventGenerator): event_id, ts
/// (ISO-8601, microseconds, UTC), ts_ms (the same instant in epoch milliseconds), platform (x, instagram,
/// tiktok), kind (post, like, share, comment, follow), user {id, followers, verified}, post_id, text,
/// hashtags, likes, sentiment, campaign_id (null for most), target_user_id (follows only). A configurable
/// share is malformed (<see cref="MalformedKind"/>) or late. Not thread-safe (it reuses one buffer).
/// </summary>
public sealed class SocialJsonGenerator
{
    /// <summary>
    /// Size the <see cref="MalformedKind.Oversize"/> messages exceed: above the decoder's default limit
    /// (128 KiB) and below Kafka's default message.max.bytes (1,000,000), so brokers accept them.
    /// </summary>
    public const int OversizeBytes = 200 * 1024;

    private static readonly string[] s_platforms = ["x", "instagram", "tiktok"];
    private static readonly int[] s_platformWeights = [30, 30, 40];
    private static readonly string[] s_kinds = ["like", "share", "comment", "post", "follow"];
    private static readonly int[] s_kindWeights = [55, 12, 15, 10, 8];
    private static readonly string[] s_hashtags =
    [
        "#ai", "#travel", "#food", "#fitness", "#music", "#gaming", "#fashion", "#tech", "#sports", "#art",
        "#photography", "#nature", "#movies", "#books", "#coffee", "#crypto", "#startup", "#design", "#pets", "#diy",
    ];

    private static readonly string[] s_words =
    [
        "just", "tried", "the", "new", "amazing", "really", "love", "this", "today", "with", "friends", "weekend",
        "morning", "great", "vibes", "can't", "believe", "how", "good", "launch", "finally", "here", "check", "out",
        "best", "ever", "so", "excited", "about", "city", "trip", "recipe", "game", "night", "update", "thread",
    ];

    private static readonly byte[] s_invalidUtf8Text = [(byte)'"', (byte)'b', (byte)'a', (byte)'d', (byte)' ', 0xFF, (byte)' ', (byte)'b', (byte)'y', (byte)'t', (byte)'e', (byte)'"'];

    private readonly SocialJsonOptions _options;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly long _startMicros;
    private readonly long _spacingMicros;
    private readonly byte[] _key = new byte[20];

    public SocialJsonGenerator(SocialJsonOptions? options = null)
    {
        _options = options ?? new SocialJsonOptions();
        _options.Validate();
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _startMicros = _options.Start.ToUnixTimeMilliseconds() * 1000;
        _spacingMicros = Math.Max(1, 1_000_000L / _options.EventsPerSecond);
    }

    public SocialJsonOptions Options => _options;

    /// <summary>The message value of the event last made by <see cref="Generate"/> (valid until the next call).</summary>
    public ReadOnlySpan<byte> Value => _buffer.WrittenSpan;

    /// <summary>The message key (the user id in decimal ASCII) of the event last made.</summary>
    public ReadOnlySpan<byte> Key => _key.AsSpan(0, KeyLength);

    public int KeyLength { get; private set; }

    /// <summary>What is wrong with the event last made, if anything.</summary>
    public MalformedKind Malformed { get; private set; }

    /// <summary>Whether the event last made is late (event time hours before its stream position).</summary>
    public bool IsLate { get; private set; }

    /// <summary>Makes event <paramref name="index"/>; read it through <see cref="Value"/> and <see cref="Key"/>.</summary>
    public void Generate(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new EventRandom(_options.Seed, index);
        var shapeDraw = random.NextDouble();
        Malformed = shapeDraw < _options.MalformedShare ? (MalformedKind)(1 + random.Next(5)) : MalformedKind.None;
        IsLate = random.NextDouble() < _options.LateShare;

        var ts = _startMicros + (index * _spacingMicros);
        if (IsLate)
        {
            ts -= (3_600_000_000L + (long)(random.NextDouble() * 5 * 3_600_000_000L)) / 1000 * 1000;
        }

        var userId = 1 + random.Next(_options.UserCount);
        Utf8Formatter.TryFormat(userId, _key, out var keyLength);
        KeyLength = keyLength;
        var platform = s_platforms[Pick(ref random, s_platformWeights)];
        var kind = s_kinds[Pick(ref random, s_kindWeights)];
        var followers = (long)Math.Exp(random.NextDouble() * 14);
        var verified = followers > 100_000 && random.Next(3) == 0;

        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        if (Malformed != MalformedKind.MissingRequired)
        {
            _writer.WriteNumber("event_id"u8, index);
        }

        _writer.WriteString("ts"u8, DateTime.UnixEpoch.AddTicks(ts * 10)); // Kind Utc: written with a Z
        _writer.WriteNumber("ts_ms"u8, ts / 1000);
        _writer.WriteString("platform"u8, platform);
        _writer.WriteString("kind"u8, kind);
        _writer.WriteStartObject("user"u8);
        _writer.WriteNumber("id"u8, userId);
        _writer.WriteNumber("followers"u8, followers);
        _writer.WriteBoolean("verified"u8, verified);
        _writer.WriteEndObject();
        _writer.WriteNumber("post_id"u8, 1 + random.Next(10_000_000));
        if (kind == "follow")
        {
            _writer.WriteNumber("target_user_id"u8, 1 + random.Next(_options.UserCount));
        }

        Span<char> text = stackalloc char[160];
        var textLength = WriteText(ref random, text, kind is "post" or "comment" ? 60 + random.Next(80) : 20 + random.Next(30));
        if (Malformed == MalformedKind.Oversize)
        {
            _writer.WriteString("text"u8, new string('x', OversizeBytes + 16));
        }
        else if (Malformed == MalformedKind.InvalidUtf8)
        {
            _writer.WritePropertyName("text"u8);
            // Raw bytes; the 0xFF makes the message invalid UTF-8 while the JSON structure stays intact.
            _writer.WriteRawValue(s_invalidUtf8Text, skipInputValidation: true);
        }
        else
        {
            _writer.WriteString("text"u8, text[..textLength]);
        }

        _writer.WriteStartArray("hashtags"u8);
        var tags = random.Next(4);
        for (var t = 0; t < tags; t++)
        {
            _writer.WriteStringValue(s_hashtags[random.Next(s_hashtags.Length)]);
        }

        _writer.WriteEndArray();
        var likes = (int)Math.Exp(random.NextDouble() * 9);
        if (Malformed == MalformedKind.WrongType)
        {
            _writer.WriteString("likes"u8, "many");
        }
        else
        {
            _writer.WriteNumber("likes"u8, likes);
        }

        _writer.WriteNumber("sentiment"u8, Math.Round((random.NextDouble() * 2) - 1, 3));
        if (random.Next(5) == 0)
        {
            Span<char> campaign = stackalloc char[8];
            var id = random.Next(_options.CampaignCount);
            campaign[0] = 'c';
            campaign[1] = '-';
            id.TryFormat(campaign[2..], out var written, "D5", System.Globalization.CultureInfo.InvariantCulture);
            _writer.WriteString("campaign_id"u8, campaign[..(2 + written)]);
        }
        else
        {
            _writer.WriteNull("campaign_id"u8);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        if (Malformed == MalformedKind.InvalidJson)
        {
            // Cut the text off inside the object: a truncated message, as a crashed producer might leave.
            var cut = _buffer.WrittenCount * 2 / 3;
            _buffer.ResetWrittenCount(); // keeps the bytes, so advancing again exposes the first part
            _buffer.Advance(cut);
        }
    }

    private static int Pick(ref EventRandom random, int[] weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var r = random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static int WriteText(ref EventRandom random, Span<char> text, int target)
    {
        var n = 0;
        while (n < target)
        {
            var word = s_words[random.Next(s_words.Length)];
            if (n + word.Length + 1 > text.Length)
            {
                break;
            }

            if (n > 0)
            {
                text[n++] = ' ';
            }

            word.CopyTo(text[n..]);
            n += word.Length;
        }

        return n;
    }
}
