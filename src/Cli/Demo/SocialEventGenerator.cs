using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// Deterministic synthetic social-media events (the dataset of issue 3) built straight into Arrow
/// buffers, one pass per batch, no per-row objects. Row r of seed s is a pure function of (s, r): batches
/// of any size, in any order, give the same rows. Columns: event_id int64, ts timestamp[us, UTC],
/// platform and kind low-cardinality strings, user_id/post_id int64, hashtags list&lt;utf8&gt;,
/// text (~100 chars), likes int32, sentiment double, campaign_id nullable utf8 (see
/// <see cref="CampaignGenerator"/> for the matching campaign dimension). Instances are immutable and
/// thread-safe: call <see cref="GenerateRows"/> for disjoint row ranges from several threads to generate in parallel.
/// </summary>
public sealed class SocialEventGenerator
{
    public const int DefaultBatchSize = 8192;
    public const int DefaultCampaignCount = 10_000;
    private const ulong EventTable = 0xE7E27;
    private const int MaxTextBytes = 112;
    private const int MaxHashtags = 4;
    private const int FragmentCount = 4096;
    private const int MaxFragmentBytes = 36;
    private const ulong FragmentTable = 0xF4A6;
    private const int LikesTableSize = 1024;

    private static readonly byte[][] s_platforms = SocialVocabulary.Utf8(SocialVocabulary.Platforms);
    private static readonly byte[][] s_kinds = SocialVocabulary.Utf8(SocialVocabulary.Kinds);
    private static readonly byte[][] s_hashtags = SocialVocabulary.Utf8(SocialVocabulary.Hashtags);
    private static readonly byte[][] s_words = SocialVocabulary.Utf8(SocialVocabulary.Words);
    private static readonly byte[] s_platformTable = SocialVocabulary.WeightTable(SocialVocabulary.PlatformWeights);
    private static readonly byte[] s_kindTable = SocialVocabulary.WeightTable(SocialVocabulary.KindWeights);
    private static readonly int s_maxHashtagBytes = MaxLength(s_hashtags);
    private static readonly byte[][] s_fragments = BuildFragments();
    private static readonly int[] s_postLikes = LikesTable(11.5);
    private static readonly int[] s_otherLikes = LikesTable(6);

    private readonly SocialEventOptions _options;
    private readonly long _startMicros;
    private readonly long _spacingMicros;
    private readonly ArrayData? _platformDictionary;
    private readonly ArrayData? _kindDictionary;

    public SocialEventGenerator(long seed = 42, SocialEventOptions? options = null)
    {
        _options = options ?? SocialEventOptions.Default;
        if (_options.EventsPerHour <= 0 || _options.UserCount <= 0 || _options.PostCount <= 0 || _options.CampaignCount <= 0 || _options.CampaignCount > CampaignGenerator.MaxCampaigns)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "rates and counts must be positive");
        }

        Seed = seed;
        _startMicros = _options.Start.ToUnixTimeMilliseconds() * 1000;
        _spacingMicros = Math.Max(1, 3_600_000_000L / _options.EventsPerHour);
        Schema = CreateSchema(_options.DictionaryEncode);
        if (_options.DictionaryEncode)
        {
            _platformDictionary = Strings(s_platforms);
            _kindDictionary = Strings(s_kinds);
        }
    }

    public long Seed { get; }

    /// <summary>The event schema (platform and kind are dictionary-encoded when the options ask).</summary>
    public Schema Schema { get; }

    /// <summary>The event schema with plain utf8 platform and kind.</summary>
    public static Schema EventSchema { get; } = CreateSchema(dictionaryEncode: false);

    /// <summary>Batches covering rows [0, <paramref name="totalRows"/>).</summary>
    public IEnumerable<RecordBatch> GenerateBatches(long totalRows, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        for (var first = 0L; first < totalRows; first += batchSize)
        {
            yield return GenerateRows(first, (int)Math.Min(batchSize, totalRows - first));
        }
    }

    /// <summary>Rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="count"/>).</summary>
    public RecordBatch GenerateRows(long firstRow, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var columns = new Columns(count, _options.DictionaryEncode);
        for (var i = 0; i < count; i++)
        {
            FillRow(ref columns, i, firstRow + i);
        }

        return columns.Build(Schema, count, _platformDictionary, _kindDictionary);
    }

    private static Schema CreateSchema(bool dictionaryEncode)
    {
        ArrowType lowCardinality = dictionaryEncode ? new DictionaryType(ArrowType.Int32, ArrowType.Utf8) : ArrowType.Utf8;
        return new Schema(
        [
            new Field("event_id", ArrowType.Int64, false),
            new Field("ts", new TimestampType(TimeUnit.Microsecond, "UTC"), false),
            new Field("platform", lowCardinality, false),
            new Field("user_id", ArrowType.Int64, false),
            new Field("post_id", ArrowType.Int64, false),
            new Field("kind", lowCardinality, false),
            new Field("hashtags", new ListType(new Field("item", ArrowType.Utf8, false)), false),
            new Field("text", ArrowType.Utf8, false),
            new Field("likes", ArrowType.Int32, false),
            new Field("sentiment", ArrowType.Float64, false),
            new Field("campaign_id", ArrowType.Utf8, true),
        ]);
    }

    /// <summary>Word sequences of 24..36 bytes, made once from a fixed seed (the same for every generator seed).</summary>
    private static byte[][] BuildFragments()
    {
        var fragments = new byte[FragmentCount][];
        Span<byte> buffer = stackalloc byte[MaxFragmentBytes];
        for (var f = 0; f < fragments.Length; f++)
        {
            var random = new RowRandom(0, FragmentTable, f);
            var target = 24 + random.Next(MaxFragmentBytes - 24);
            var n = 0;
            while (n < target)
            {
                var word = s_words[random.Next(s_words.Length)];
                var needed = word.Length + (n > 0 ? 1 : 0);
                if (n + needed > MaxFragmentBytes)
                {
                    break;
                }

                if (n > 0)
                {
                    buffer[n++] = (byte)' ';
                }

                word.CopyTo(buffer[n..]);
                n += word.Length;
            }

            fragments[f] = buffer[..n].ToArray();
        }

        return fragments;
    }

    /// <summary>Long-tailed like counts: exp(u * scale) - 1 at 1024 evenly spaced u.</summary>
    private static int[] LikesTable(double scale)
    {
        var table = new int[LikesTableSize];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (int)Math.Exp((i + 0.5) / LikesTableSize * scale) - 1;
        }

        return table;
    }

    private static int MaxLength(byte[][] words)
    {
        var max = 0;
        foreach (var w in words)
        {
            max = Math.Max(max, w.Length);
        }

        return max;
    }

    /// <summary>A plain utf8 array of <paramref name="values"/> (dictionaries, small dimensions).</summary>
    internal static ArrayData Strings(byte[][] values)
    {
        var offsets = new int[values.Length + 1];
        var total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            total += values[i].Length;
            offsets[i + 1] = total;
        }

        var data = BufferAllocator.Allocate(total);
        for (var i = 0; i < values.Length; i++)
        {
            values[i].CopyTo(data.Span[offsets[i]..]);
        }

        return new ArrayData(ArrowType.Utf8, values.Length, 0, 0, [ArrowBuffer.Empty, ArrowBuffer.FromArray(offsets), new ArrowBuffer(data)]);
    }

    private void FillRow(ref Columns c, int i, long row)
    {
        var random = new RowRandom(Seed, EventTable, row);
        c.EventId[i] = row + 1;
        c.Ts[i] = _startMicros + (row * _spacingMicros) + (long)(random.NextUInt64() % (ulong)_spacingMicros);
        var platform = s_platformTable[random.Next(100)];
        var kind = s_kindTable[random.Next(100)];
        c.AppendPlatform(i, platform, s_platforms[platform]);
        c.AppendKind(i, kind, s_kinds[kind]);
        c.UserId[i] = 1 + random.NextSkewed(_options.UserCount, 3);
        c.PostId[i] = 1 + random.Next(_options.PostCount);

        // 0..4 hashtags, popular ones first in the vocabulary.
        var tagCount = random.Next(100) switch { < 30 => 0, < 65 => 1, < 85 => 2, < 95 => 3, _ => 4 };
        for (var t = 0; t < tagCount; t++)
        {
            c.AppendHashtag(s_hashtags[random.NextSkewed(s_hashtags.Length, 2)]);
        }

        c.EndHashtags(i);

        // ~100 characters: three word fragments from a fixed pool of 4096 (about 7e10 combinations).
        var text = c.TextSpan(MaxTextBytes);
        var n = 0;
        for (var f = 0; f < 3; f++)
        {
            if (f > 0)
            {
                text[n++] = (byte)' ';
            }

            var fragment = s_fragments[random.Next(s_fragments.Length)];
            fragment.CopyTo(text[n..]);
            n += fragment.Length;
        }

        c.EndText(i, n);

        c.Likes[i] = kind == 4 ? s_postLikes[random.Next(LikesTableSize)] : s_otherLikes[random.Next(LikesTableSize)];
        var sentiment = (random.NextDouble() * 2.0) - 1.0 + (platform == 5 ? -0.1 : 0.05);
        c.Sentiment[i] = (long)((sentiment * 10_000) + (sentiment >= 0 ? 0.5 : -0.5)) / 10_000.0;
        if (random.NextDouble() < _options.CampaignShare)
        {
            c.AppendCampaign(i, random.NextSkewed(_options.CampaignCount, 2));
        }
        else
        {
            c.AppendNullCampaign(i);
        }
    }

    /// <summary>The column buffers of one batch being filled.</summary>
    private ref struct Columns
    {
        public Span<long> EventId;
        public Span<long> Ts;
        public Span<long> UserId;
        public Span<long> PostId;
        public Span<int> Likes;
        public Span<double> Sentiment;

        private readonly bool _dictionary;
        private readonly Memory<byte> _eventId;
        private readonly Memory<byte> _ts;
        private readonly Memory<byte> _userId;
        private readonly Memory<byte> _postId;
        private readonly Memory<byte> _likes;
        private readonly Memory<byte> _sentiment;
        private readonly Memory<byte> _platformValues;
        private readonly Memory<byte> _platformOffsets;
        private readonly Memory<byte> _kindValues;
        private readonly Memory<byte> _kindOffsets;
        private readonly Memory<byte> _tagListOffsets;
        private readonly Memory<byte> _tagOffsets;
        private readonly Memory<byte> _tagData;
        private readonly Memory<byte> _textOffsets;
        private readonly Memory<byte> _textData;
        private readonly Memory<byte> _campaignValidity;
        private readonly Memory<byte> _campaignOffsets;
        private readonly Memory<byte> _campaignData;
        private readonly Span<byte> _platformData;
        private readonly Span<byte> _kindData;
        private readonly Span<int> _platformOffsetSpan;
        private readonly Span<int> _kindOffsetSpan;
        private readonly Span<int> _platformIndex;
        private readonly Span<int> _kindIndex;
        private readonly Span<int> _tagListOffsetSpan;
        private readonly Span<int> _tagOffsetSpan;
        private readonly Span<byte> _tagDataSpan;
        private readonly Span<int> _textOffsetSpan;
        private readonly Span<byte> _textDataSpan;
        private readonly Span<byte> _campaignValiditySpan;
        private readonly Span<int> _campaignOffsetSpan;
        private readonly Span<byte> _campaignDataSpan;
        private int _platformBytes;
        private int _kindBytes;
        private int _tagCount;
        private int _tagBytes;
        private int _textBytes;
        private int _campaignBytes;
        private int _campaignNulls;

        public Columns(int count, bool dictionary)
        {
            _dictionary = dictionary;
            _eventId = BufferAllocator.Allocate(count * 8, zero: false);
            _ts = BufferAllocator.Allocate(count * 8, zero: false);
            _userId = BufferAllocator.Allocate(count * 8, zero: false);
            _postId = BufferAllocator.Allocate(count * 8, zero: false);
            _likes = BufferAllocator.Allocate(count * 4, zero: false);
            _sentiment = BufferAllocator.Allocate(count * 8, zero: false);
            EventId = MemoryMarshal.Cast<byte, long>(_eventId.Span);
            Ts = MemoryMarshal.Cast<byte, long>(_ts.Span);
            UserId = MemoryMarshal.Cast<byte, long>(_userId.Span);
            PostId = MemoryMarshal.Cast<byte, long>(_postId.Span);
            Likes = MemoryMarshal.Cast<byte, int>(_likes.Span);
            Sentiment = MemoryMarshal.Cast<byte, double>(_sentiment.Span);

            if (dictionary)
            {
                _platformValues = BufferAllocator.Allocate(count * 4, zero: false);
                _kindValues = BufferAllocator.Allocate(count * 4, zero: false);
                _platformIndex = MemoryMarshal.Cast<byte, int>(_platformValues.Span);
                _kindIndex = MemoryMarshal.Cast<byte, int>(_kindValues.Span);
            }
            else
            {
                _platformValues = BufferAllocator.Allocate(count * MaxLength(s_platforms), zero: false);
                _kindValues = BufferAllocator.Allocate(count * MaxLength(s_kinds), zero: false);
                _platformOffsets = BufferAllocator.Allocate((count + 1) * 4);
                _kindOffsets = BufferAllocator.Allocate((count + 1) * 4);
                _platformData = _platformValues.Span;
                _kindData = _kindValues.Span;
                _platformOffsetSpan = MemoryMarshal.Cast<byte, int>(_platformOffsets.Span);
                _kindOffsetSpan = MemoryMarshal.Cast<byte, int>(_kindOffsets.Span);
            }

            _tagListOffsets = BufferAllocator.Allocate((count + 1) * 4);
            _tagOffsets = BufferAllocator.Allocate(((count * MaxHashtags) + 1) * 4);
            _tagData = BufferAllocator.Allocate(count * MaxHashtags * s_maxHashtagBytes, zero: false);
            _textOffsets = BufferAllocator.Allocate((count + 1) * 4);
            _textData = BufferAllocator.Allocate(count * MaxTextBytes, zero: false);
            _campaignValidity = BufferAllocator.Allocate(BitUtil.BytesForBits(count));
            _campaignOffsets = BufferAllocator.Allocate((count + 1) * 4);
            _campaignData = BufferAllocator.Allocate(count * 9, zero: false);
            _tagListOffsetSpan = MemoryMarshal.Cast<byte, int>(_tagListOffsets.Span);
            _tagOffsetSpan = MemoryMarshal.Cast<byte, int>(_tagOffsets.Span);
            _tagDataSpan = _tagData.Span;
            _textOffsetSpan = MemoryMarshal.Cast<byte, int>(_textOffsets.Span);
            _textDataSpan = _textData.Span;
            _campaignValiditySpan = _campaignValidity.Span;
            _campaignOffsetSpan = MemoryMarshal.Cast<byte, int>(_campaignOffsets.Span);
            _campaignDataSpan = _campaignData.Span;
            _platformBytes = _kindBytes = _tagCount = _tagBytes = _textBytes = _campaignBytes = _campaignNulls = 0;
        }

        public void AppendPlatform(int i, int index, byte[] value)
        {
            if (_dictionary)
            {
                _platformIndex[i] = index;
                return;
            }

            value.CopyTo(_platformData[_platformBytes..]);
            _platformBytes += value.Length;
            _platformOffsetSpan[i + 1] = _platformBytes;
        }

        public void AppendKind(int i, int index, byte[] value)
        {
            if (_dictionary)
            {
                _kindIndex[i] = index;
                return;
            }

            value.CopyTo(_kindData[_kindBytes..]);
            _kindBytes += value.Length;
            _kindOffsetSpan[i + 1] = _kindBytes;
        }

        public void AppendHashtag(byte[] tag)
        {
            tag.CopyTo(_tagDataSpan[_tagBytes..]);
            _tagBytes += tag.Length;
            _tagOffsetSpan[++_tagCount] = _tagBytes;
        }

        public readonly void EndHashtags(int i) => _tagListOffsetSpan[i + 1] = _tagCount;

        public readonly Span<byte> TextSpan(int max) => _textDataSpan.Slice(_textBytes, max);

        public void EndText(int i, int length)
        {
            _textBytes += length;
            _textOffsetSpan[i + 1] = _textBytes;
        }

        public void AppendCampaign(int i, int campaign)
        {
            CampaignGenerator.WriteCampaignId(_campaignDataSpan[_campaignBytes..], campaign);
            _campaignBytes += CampaignGenerator.CampaignIdLength;
            _campaignOffsetSpan[i + 1] = _campaignBytes;
            BitUtil.SetBit(_campaignValiditySpan, i);
        }

        public void AppendNullCampaign(int i)
        {
            _campaignOffsetSpan[i + 1] = _campaignBytes;
            _campaignNulls++;
        }

        public readonly RecordBatch Build(Schema schema, int count, ArrayData? platformDictionary, ArrayData? kindDictionary)
        {
            static ArrowBuffer B(Memory<byte> m) => new(m);
            static ArrowBuffer Bn(Memory<byte> m, int length) => new(m[..length]);
            ArrayData platform, kind;
            if (_dictionary)
            {
                platform = new ArrayData(schema[2].Type, count, 0, 0, [ArrowBuffer.Empty, B(_platformValues)], null, platformDictionary);
                kind = new ArrayData(schema[5].Type, count, 0, 0, [ArrowBuffer.Empty, B(_kindValues)], null, kindDictionary);
            }
            else
            {
                platform = new ArrayData(ArrowType.Utf8, count, 0, 0, [ArrowBuffer.Empty, B(_platformOffsets), Bn(_platformValues, _platformBytes)]);
                kind = new ArrayData(ArrowType.Utf8, count, 0, 0, [ArrowBuffer.Empty, B(_kindOffsets), Bn(_kindValues, _kindBytes)]);
            }

            var tags = new ArrayData(ArrowType.Utf8, _tagCount, 0, 0, [ArrowBuffer.Empty, Bn(_tagOffsets, (_tagCount + 1) * 4), Bn(_tagData, _tagBytes)]);
            var columns = new ArrowArray[]
            {
                ArrowArray.Create(new ArrayData(ArrowType.Int64, count, 0, 0, [ArrowBuffer.Empty, B(_eventId)])),
                ArrowArray.Create(new ArrayData(schema[1].Type, count, 0, 0, [ArrowBuffer.Empty, B(_ts)])),
                ArrowArray.Create(platform),
                ArrowArray.Create(new ArrayData(ArrowType.Int64, count, 0, 0, [ArrowBuffer.Empty, B(_userId)])),
                ArrowArray.Create(new ArrayData(ArrowType.Int64, count, 0, 0, [ArrowBuffer.Empty, B(_postId)])),
                ArrowArray.Create(kind),
                ArrowArray.Create(new ArrayData(schema[6].Type, count, 0, 0, [ArrowBuffer.Empty, B(_tagListOffsets)], [tags])),
                ArrowArray.Create(new ArrayData(ArrowType.Utf8, count, 0, 0, [ArrowBuffer.Empty, B(_textOffsets), Bn(_textData, _textBytes)])),
                ArrowArray.Create(new ArrayData(ArrowType.Int32, count, 0, 0, [ArrowBuffer.Empty, B(_likes)])),
                ArrowArray.Create(new ArrayData(ArrowType.Float64, count, 0, 0, [ArrowBuffer.Empty, B(_sentiment)])),
                ArrowArray.Create(new ArrayData(ArrowType.Utf8, count, _campaignNulls, 0, [_campaignNulls == 0 ? ArrowBuffer.Empty : B(_campaignValidity), B(_campaignOffsets), Bn(_campaignData, _campaignBytes)])),
            };
            return new RecordBatch(schema, columns, count);
        }
    }
}
