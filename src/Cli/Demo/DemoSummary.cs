using System.Globalization;
using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Cli.Output;
using Lakehouse.Cli.Output.Formatting;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// Running aggregates over social-event batches, computed with plain loops: row count, events per platform
/// and per kind, top hashtags, time range, campaign share and mean sentiment.
/// </summary>
public sealed class DemoSummary
{
    private readonly Dictionary<string, long> _platforms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _hashtags = new(StringComparer.Ordinal);
    private double _sentimentSum;

    public long Rows { get; private set; }

    public long CampaignEvents { get; private set; }

    public long MinTimestamp { get; private set; } = long.MaxValue;

    public long MaxTimestamp { get; private set; } = long.MinValue;

    public double MeanSentiment => Rows == 0 ? 0 : _sentimentSum / Rows;

    public IReadOnlyDictionary<string, long> Platforms => _platforms;

    public IReadOnlyDictionary<string, long> Kinds => _kinds;

    public IReadOnlyDictionary<string, long> Hashtags => _hashtags;

    public void Add(RecordBatch batch)
    {
        Rows += batch.Length;
        var ts = ((PrimitiveArray<long>)batch.Column("ts")!).Values;
        foreach (var t in ts)
        {
            MinTimestamp = Math.Min(MinTimestamp, t);
            MaxTimestamp = Math.Max(MaxTimestamp, t);
        }

        foreach (var s in ((PrimitiveArray<double>)batch.Column("sentiment")!).Values)
        {
            _sentimentSum += s;
        }

        var campaign = batch.Column("campaign_id")!;
        CampaignEvents += campaign.Length - campaign.NullCount;
        CountStrings(batch.Column("platform")!, _platforms);
        CountStrings(batch.Column("kind")!, _kinds);
        var hashtags = (ListArray)batch.Column("hashtags")!;
        var offsets = hashtags.ValueOffsets;
        CountStrings(hashtags.Values.Slice(offsets[0], offsets[^1] - offsets[0]), _hashtags);
    }

    /// <summary>The <paramref name="n"/> largest counts, ties broken by name.</summary>
    public static List<KeyValuePair<string, long>> Top(IReadOnlyDictionary<string, long> counts, int n)
    {
        var list = new List<KeyValuePair<string, long>>(counts);
        list.Sort((a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        if (list.Count > n)
        {
            list.RemoveRange(n, list.Count - n);
        }

        return list;
    }

    public void WriteTo(TextWriter writer, int topHashtags = 10)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(inv, $"events: {Rows:N0}"));
        if (Rows == 0)
        {
            return;
        }

        var range = new Utf8Output(64);
        TemporalText.WriteTimestamp(range, MinTimestamp, Arrow.Types.TimeUnit.Microsecond, utc: true);
        range.Write(" .. "u8);
        TemporalText.WriteTimestamp(range, MaxTimestamp, Arrow.Types.TimeUnit.Microsecond, utc: true);
        writer.WriteLine("time range: " + range);
        writer.WriteLine(string.Create(inv, $"with a campaign: {CampaignEvents:N0} ({100.0 * CampaignEvents / Rows:F1}%)   mean sentiment: {MeanSentiment:F4}"));
        writer.WriteLine("events per platform:");
        WriteCounts(writer, Top(_platforms, int.MaxValue));
        writer.WriteLine("events per kind:");
        WriteCounts(writer, Top(_kinds, int.MaxValue));
        writer.WriteLine($"top {topHashtags} hashtags:");
        WriteCounts(writer, Top(_hashtags, topHashtags), "#");
    }

    private static void WriteCounts(TextWriter writer, List<KeyValuePair<string, long>> counts, string prefix = "")
    {
        var width = 0;
        foreach (var kv in counts)
        {
            width = Math.Max(width, kv.Key.Length + prefix.Length);
        }

        foreach (var kv in counts)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(prefix + kv.Key).PadRight(width)}  {kv.Value,12:N0}"));
        }
    }

    /// <summary>Counts string values (plain or dictionary-encoded) without allocating per value.</summary>
    private static void CountStrings(ArrowArray array, Dictionary<string, long> counts)
    {
        if (array is DictionaryArray dict)
        {
            // Count indices first, then attribute the counts to the dictionary strings.
            var perIndex = new long[dict.Dictionary.Length];
            for (var i = 0; i < dict.Length; i++)
            {
                if (dict.IsValid(i))
                {
                    perIndex[dict.GetIndex(i)]++;
                }
            }

            var values = (BinaryArray)dict.Dictionary;
            for (var d = 0; d < perIndex.Length; d++)
            {
                if (perIndex[d] > 0)
                {
                    var key = Encoding.UTF8.GetString(values.GetBytes(d));
                    counts[key] = counts.GetValueOrDefault(key) + perIndex[d];
                }
            }

            return;
        }

        var strings = (BinaryArray)array;
        var table = new Utf8CountTable();
        for (var i = 0; i < strings.Length; i++)
        {
            if (strings.IsValid(i))
            {
                table.Add(strings.GetBytes(i));
            }
        }

        table.AddTo(counts);
    }
}
