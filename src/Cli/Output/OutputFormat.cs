namespace Lakehouse.Cli.Output;

/// <summary>How commands that print rows render them (spec/cli.md, "Output formats").</summary>
public enum OutputFormat
{
    /// <summary>Aligned columns with a header and a row-count footer, for people.</summary>
    Table,

    /// <summary>RFC 4180 comma-separated values with a header row.</summary>
    Csv,

    /// <summary>One JSON object per row: the machine-readable contract.</summary>
    Jsonl,
}
