namespace Lakehouse.Ingest.Generation;

/// <summary>Knobs of <see cref="SocialJsonGenerator"/>. Shares are fractions of all events (0..1).</summary>
public sealed record SocialJsonOptions
{
    public long Seed { get; init; } = 42;

    /// <summary>Share of messages that are malformed, spread evenly over the five <see cref="MalformedKind"/>s.</summary>
    public double MalformedShare { get; init; }

    /// <summary>Share of events whose event time lies 1 to 6 hours before their position in the stream.</summary>
    public double LateShare { get; init; }

    /// <summary>Event time of event 0; later events follow at <see cref="EventsPerSecond"/>.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Event-time spacing (independent of the produce rate, so the content stays deterministic).</summary>
    public int EventsPerSecond { get; init; } = 1000;

    public int UserCount { get; init; } = 100_000;

    public int CampaignCount { get; init; } = 1_000;

    public void Validate()
    {
        if (MalformedShare is < 0 or > 1 || double.IsNaN(MalformedShare))
        {
            throw new ArgumentOutOfRangeException(nameof(MalformedShare), MalformedShare, "the malformed share must be between 0 and 1");
        }

        if (LateShare is < 0 or > 1 || double.IsNaN(LateShare))
        {
            throw new ArgumentOutOfRangeException(nameof(LateShare), LateShare, "the late share must be between 0 and 1");
        }

        if (EventsPerSecond <= 0 || UserCount <= 0 || CampaignCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(EventsPerSecond), "rates and counts must be positive");
        }
    }
}
