using System.CommandLine;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse demo</c>: generate social-media events, summarize them, show the first rows.</summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var rows = new Option<long>("--rows", "-n")
        {
            Description = "Number of events to generate.",
            DefaultValueFactory = _ => 100_000,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Random seed; the same seed gives the same events.",
            DefaultValueFactory = _ => 42,
        };
        var limit = new Option<int>("--limit")
        {
            Description = "Events to print after the summary (0 for none).",
            DefaultValueFactory = _ => 10,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Also write all events and the campaign dimension to this directory (jsonl, or csv with --format csv).",
            HelpName = "DIR",
        };
        var format = new FormatOption();

        var command = new Command("demo", "Generate a synthetic social-media event stream, summarize it and show the first events.")
        {
            rows,
            seed,
            limit,
            output,
            format.Option,
        };

        command.SetAction(parse =>
        {
            var settings = new DemoSettings
            {
                Rows = parse.GetValue(rows),
                Seed = parse.GetValue(seed),
                Limit = parse.GetValue(limit),
                OutputDirectory = parse.GetValue(output),
                Format = format.Resolve(parse, context.Console),
            };
            if (settings.Rows < 0)
            {
                throw new CliUsageException($"--rows must be zero or positive, got {settings.Rows}");
            }

            if (settings.Limit < 0)
            {
                throw new CliUsageException($"--limit must be zero or positive, got {settings.Limit}");
            }

            new DemoRunner(settings, context.Console).Run();
            return ExitCodes.Success;
        });
        return command;
    }
}
