using System.Text;
using System.Text.Json;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Generation;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class SocialJsonGeneratorTests
{
    /// <summary>The mapping the demo uses for the generator's events.</summary>
    internal static JsonMappingOptions SocialMapping() => new()
    {
        Columns =
        [
            new ColumnMapping("event_id", "event_id", JsonColumnType.Int64, required: true),
            new ColumnMapping("ts", "ts", JsonColumnType.Timestamp, required: true),
            new ColumnMapping("ts_ms", "ts_ms", JsonColumnType.Timestamp),
            new ColumnMapping("platform", "platform", JsonColumnType.String, required: true),
            new ColumnMapping("kind", "kind", JsonColumnType.String, required: true),
            new ColumnMapping("user_id", "user.id", JsonColumnType.Int64, required: true),
            new ColumnMapping("followers", "user.followers", JsonColumnType.Int64),
            new ColumnMapping("verified", "user.verified", JsonColumnType.Boolean),
            new ColumnMapping("post_id", "post_id", JsonColumnType.Int64),
            new ColumnMapping("text", "text", JsonColumnType.String),
            new ColumnMapping("hashtags", "hashtags", JsonColumnType.List),
            new ColumnMapping("likes", "likes", JsonColumnType.Int32),
            new ColumnMapping("sentiment", "sentiment", JsonColumnType.Float64),
            new ColumnMapping("campaign_id", "campaign_id", JsonColumnType.String),
        ],
    };

    [Fact]
    public void SameSeedSameEventsAndEventsAreIndependentOfOrder()
    {
        var a = new SocialJsonGenerator(new SocialJsonOptions { Seed = 7, MalformedShare = 0.1, LateShare = 0.1 });
        var b = new SocialJsonGenerator(new SocialJsonOptions { Seed = 7, MalformedShare = 0.1, LateShare = 0.1 });
        var c = new SocialJsonGenerator(new SocialJsonOptions { Seed = 8 });
        for (var i = 999; i >= 0; i--)
        {
            a.Generate(i);
            var value = a.Value.ToArray();
            var key = a.Key.ToArray();
            b.Generate(999 - i);
            b.Generate(i);
            Assert.Equal(value, b.Value.ToArray());
            Assert.Equal(key, b.Key.ToArray());
        }

        a.Generate(5);
        c.Generate(5);
        Assert.NotEqual(a.Value.ToArray(), c.Value.ToArray());
    }

    [Fact]
    public void GoodEventsAreAbout300BytesOfValidJsonWithTheDocumentedFields()
    {
        var g = new SocialJsonGenerator(new SocialJsonOptions { Seed = 1 });
        long bytes = 0;
        var kinds = new HashSet<string>();
        var platforms = new HashSet<string>();
        const int n = 2000;
        for (var i = 0; i < n; i++)
        {
            g.Generate(i);
            bytes += g.Value.Length;
            using var doc = JsonDocument.Parse(g.Value.ToArray());
            var root = doc.RootElement;
            Assert.Equal(i, root.GetProperty("event_id").GetInt64());
            Assert.Equal(root.GetProperty("user").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.ASCII.GetString(g.Key));
            kinds.Add(root.GetProperty("kind").GetString()!);
            platforms.Add(root.GetProperty("platform").GetString()!);
            Assert.Equal(root.GetProperty("ts").GetDateTimeOffset().ToUnixTimeMilliseconds(), root.GetProperty("ts_ms").GetInt64());
        }

        Assert.InRange(bytes / n, 250, 350);
        Assert.Equal(["comment", "follow", "like", "post", "share"], kinds.Order());
        Assert.Equal(["instagram", "tiktok", "x"], platforms.Order());
    }

    [Fact]
    public void MalformedMessagesBecomeDeadLettersOfTheirKindAndGoodOnesRows()
    {
        var g = new SocialJsonGenerator(new SocialJsonOptions { Seed = 3, MalformedShare = 0.2, LateShare = 0.2 });
        var decoder = new JsonEventDecoder(SocialMapping() with { IncludeEnvelope = true });
        var expected = new Dictionary<MalformedKind, int>();
        var late = 0;
        const int n = 3000;
        for (var i = 0; i < n; i++)
        {
            g.Generate(i);
            late += g.IsLate ? 1 : 0;
            expected[g.Malformed] = expected.GetValueOrDefault(g.Malformed) + 1;
            var outcome = decoder.Append(new MessageOrigin("social", 0, i, null), g.Key, false, g.Value, null, 0);
            var want = g.Malformed switch
            {
                MalformedKind.None => (DeadLetterKind?)null,
                MalformedKind.InvalidJson => DeadLetterKind.InvalidJson,
                MalformedKind.InvalidUtf8 => DeadLetterKind.InvalidUtf8,
                MalformedKind.WrongType => DeadLetterKind.WrongType,
                MalformedKind.MissingRequired => DeadLetterKind.MissingRequired,
                _ => DeadLetterKind.Oversize,
            };
            Assert.Equal(want is null, outcome.IsGood);
            if (want is { } kind)
            {
                Assert.Equal(kind, outcome.Kind);
            }
        }

        Assert.Equal(6, expected.Count); // every malformed kind occurs
        Assert.InRange(expected[MalformedKind.None], n * 0.75, n * 0.85);
        Assert.InRange(late, n * 0.15, n * 0.25);
        Assert.Equal(expected[MalformedKind.None], decoder.TakeGood().Length);
        Assert.Equal(n - expected[MalformedKind.None], decoder.TakeDeadLetters().Length);
    }
}
