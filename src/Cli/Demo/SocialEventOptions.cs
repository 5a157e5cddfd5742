namespace Lakehouse.Cli.Demo;

/// <summary>Shape of the synthetic social-media event stream.</summary>
public sealed record SocialEventOptions
{
    public static SocialEventOptions Default { get; } = new();

    /// <summary>Time of event 0.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Arrival rate; consecutive events are 3600 s / rate apart on average (10 M/h: 360 us).</summary>
    public long EventsPerHour { get; init; } = 10_000_000;

    public int UserCount { get; init; } = 1_000_000;

    public int PostCount { get; init; } = 5_000_000;

    /// <summary>Campaign ids are drawn from cmp-00000 .. cmp-(CampaignCount-1).</summary>
    public int CampaignCount { get; init; } = SocialEventGenerator.DefaultCampaignCount;

    /// <summary>Share of events attributed to a campaign (the rest have a null campaign_id).</summary>
    public double CampaignShare { get; init; } = 0.3;

    /// <summary>Emit platform and kind as dictionary&lt;int32, utf8&gt; instead of plain utf8.</summary>
    public bool DictionaryEncode { get; init; }
}
