using Lakehouse.Ingest.Batching;

namespace Lakehouse.Ingest.Configuration;

/// <summary>
/// A validated ingest pipeline configuration, loaded from YAML by <see cref="IngestConfigLoader"/>
/// (format: spec/ingest.md, "Configuration").
/// </summary>
public sealed record IngestConfig
{
    /// <summary>The file it was loaded from (for messages), or a placeholder for configurations built in code.</summary>
    public string SourceFile { get; init; } = "<config>";

    public SourceConfig Source { get; init; } = new();

    public CatalogConfig Catalog { get; init; } = new();

    public TargetConfig Target { get; init; } = new();

    /// <summary>Dead-letter table identifier; default <c>&lt;target&gt;_dead_letters</c>.</summary>
    public string DeadLetterTable { get; init; } = string.Empty;

    public CommitPolicy Commit { get; init; } = CommitPolicy.Default;

    /// <summary>Where the running pipeline writes its status JSON (read by <c>lakehouse ingest status</c>).</summary>
    public string StatusFile { get; init; } = "ingest-status.json";
}
