using System.CommandLine;

namespace Lakehouse.Cli.Output;

/// <summary>
/// The shared <c>--format table|csv|jsonl</c> option of every command that prints rows. Without it, rows are a
/// table when standard output is a terminal and jsonl otherwise (pipes and files get the machine contract).
/// </summary>
public sealed class FormatOption
{
    public FormatOption()
    {
        Option = new Option<string?>("--format", "-f")
        {
            Description = "Row output format: table, csv or jsonl (default: table on a terminal, jsonl otherwise).",
            HelpName = "table|csv|jsonl",
        };
        Option.AcceptOnlyFromAmong("table", "csv", "jsonl");
    }

    public Option<string?> Option { get; }

    public static OutputFormat Parse(string? value, CliConsole console) => value?.ToLowerInvariant() switch
    {
        null or "" => console.IsOutputTerminal ? OutputFormat.Table : OutputFormat.Jsonl,
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "jsonl" => OutputFormat.Jsonl,
        _ => throw new CliUsageException($"unknown format '{value}' (expected table, csv or jsonl)"),
    };

    public OutputFormat Resolve(ParseResult parse, CliConsole console) => Parse(parse.GetValue(Option), console);

    /// <summary>A row writer onto the console's standard output, sized to its terminal.</summary>
    public static RowWriter CreateWriter(OutputFormat format, CliConsole console)
    {
        console.Out.Flush();
        return RowWriter.Create(format, console.OutputStream, new RowWriterOptions { TerminalWidth = console.TerminalWidth });
    }
}
