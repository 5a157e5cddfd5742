using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Demo;

/// <summary>What <c>lakehouse demo</c> was asked to do.</summary>
public sealed record DemoSettings
{
    public long Rows { get; init; } = 100_000;

    public long Seed { get; init; } = 42;

    /// <summary>Rows shown after the summary.</summary>
    public int Limit { get; init; } = 10;

    public int BatchSize { get; init; } = SocialEventGenerator.DefaultBatchSize;

    public OutputFormat Format { get; init; } = OutputFormat.Table;

    /// <summary>When set, events and campaigns are also written there (jsonl, or csv with --format csv).</summary>
    public string? OutputDirectory { get; init; }
}
