namespace Lakehouse.Cli.Output;

/// <summary>Knobs for <see cref="RowWriter"/>; the defaults suit a terminal.</summary>
public sealed record RowWriterOptions
{
    public static RowWriterOptions Default { get; } = new();

    /// <summary>Table: widest a column may be (in characters) before values are cut with '…'.</summary>
    public int MaxColumnWidth { get; init; } = 40;

    /// <summary>Table: the terminal width to fit into, or 0 for no limit.</summary>
    public int TerminalWidth { get; init; }

    /// <summary>Table: rows buffered to measure column widths before the first line is printed.</summary>
    public int TableSampleRows { get; init; } = 100;

    /// <summary>Table: show the "(N rows)" footer.</summary>
    public bool TableFooter { get; init; } = true;
}
