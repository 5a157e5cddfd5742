namespace Lakehouse.Ingest.Batching;

/// <summary>When a micro-batch is closed for commit: whichever of rows, bytes or age is reached first.</summary>
public sealed record CommitPolicy
{
    public static CommitPolicy Default { get; } = new();

    /// <summary>Messages (good rows plus dead letters) per batch.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Sum of message value sizes per batch.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Age of the batch's first message.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    public void Validate()
    {
        if (MaxRows <= 0 || MaxBytes <= 0 || Interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRows), "commit thresholds (rows, bytes, interval) must be positive");
        }
    }
}
