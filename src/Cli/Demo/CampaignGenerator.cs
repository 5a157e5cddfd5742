using System.Runtime.InteropServices;
using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Demo;

/// <summary>
/// The campaign dimension the events' campaign_id points at: campaign_id utf8 ("cmp-00042"), name,
/// advertiser, platform, budget decimal128(12, 2), starts_on/ends_on date32. Deterministic per seed.
/// </summary>
public static class CampaignGenerator
{
    public const int MaxCampaigns = 100_000;

    /// <summary>Bytes of "cmp-NNNNN".</summary>
    public const int CampaignIdLength = 9;

    private const ulong CampaignTable = 0xCA3A;

    public static Schema Schema { get; } = new(
    [
        new Field("campaign_id", ArrowType.Utf8, false),
        new Field("name", ArrowType.Utf8, false),
        new Field("advertiser", ArrowType.Utf8, false),
        new Field("platform", ArrowType.Utf8, false),
        new Field("budget", new DecimalType(12, 2), false),
        new Field("starts_on", ArrowType.Date32, false),
        new Field("ends_on", ArrowType.Date32, false),
    ]);

    /// <summary>Writes "cmp-" and the five-digit zero-padded campaign number.</summary>
    public static void WriteCampaignId(Span<byte> destination, int campaign)
    {
        "cmp-"u8.CopyTo(destination);
        for (var i = 8; i >= 4; i--)
        {
            destination[i] = (byte)('0' + (campaign % 10));
            campaign /= 10;
        }
    }

    /// <summary>The <paramref name="count"/> campaigns (one batch; 10k rows by default).</summary>
    public static RecordBatch Generate(long seed, int count = SocialEventGenerator.DefaultCampaignCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCampaigns);
        var ids = new StringColumn(count);
        var names = new StringColumn(count);
        var advertisers = new StringColumn(count);
        var platforms = new StringColumn(count);
        var budget = BufferAllocator.Allocate(count * 16);
        var starts = BufferAllocator.Allocate(count * 4);
        var ends = BufferAllocator.Allocate(count * 4);
        var budgetValues = MemoryMarshal.Cast<byte, Int128>(budget.Span);
        var startValues = MemoryMarshal.Cast<byte, int>(starts.Span);
        var endValues = MemoryMarshal.Cast<byte, int>(ends.Span);
        Span<byte> id = stackalloc byte[CampaignIdLength];
        var epoch2025 = (int)(new DateOnly(2025, 1, 1).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
        for (var i = 0; i < count; i++)
        {
            var random = new RowRandom(seed, CampaignTable, i);
            WriteCampaignId(id, i);
            ids.Append(id);
            var adjective = SocialVocabulary.CampaignAdjectives[random.Next(SocialVocabulary.CampaignAdjectives.Length)];
            var noun = SocialVocabulary.CampaignNouns[random.Next(SocialVocabulary.CampaignNouns.Length)];
            var advertiser = SocialVocabulary.Advertisers[random.NextSkewed(SocialVocabulary.Advertisers.Length, 2)];
            names.Append(Encoding.UTF8.GetBytes($"{advertiser} {adjective} {noun} #{i}"));
            advertisers.Append(Encoding.UTF8.GetBytes(advertiser));
            platforms.Append(Encoding.UTF8.GetBytes(SocialVocabulary.Platforms[random.Next(SocialVocabulary.Platforms.Length)]));
            budgetValues[i] = 100_000 + ((Int128)random.NextSkewed(50_000_000, 2) * 100) + random.Next(100);
            startValues[i] = epoch2025 + random.Next(700);
            endValues[i] = startValues[i] + 7 + random.Next(90);
        }

        var columns = new ArrowArray[]
        {
            ids.Build(),
            names.Build(),
            advertisers.Build(),
            platforms.Build(),
            ArrowArray.Create(new ArrayData(Schema[4].Type, count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(budget)])),
            ArrowArray.Create(new ArrayData(ArrowType.Date32, count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(starts)])),
            ArrowArray.Create(new ArrayData(ArrowType.Date32, count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(ends)])),
        };
        return new RecordBatch(Schema, columns, count);
    }

    /// <summary>A small utf8 column builder over <see cref="BufferBuilder"/>.</summary>
    private sealed class StringColumn
    {
        private readonly BufferBuilder _offsets;
        private readonly BufferBuilder _data;
        private readonly int _count;

        public StringColumn(int count)
        {
            _count = count;
            _offsets = new BufferBuilder((count + 1) * 4);
            _data = new BufferBuilder(count * 16);
            _offsets.Append(0);
        }

        public void Append(ReadOnlySpan<byte> value)
        {
            _data.Append(value);
            _offsets.Append(_data.Length);
        }

        public ArrowArray Build() => ArrowArray.Create(new ArrayData(ArrowType.Utf8, _count, 0, 0, [ArrowBuffer.Empty, _offsets.Build(), _data.Build()]));
    }
}
