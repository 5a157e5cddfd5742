using System.CommandLine;
using Lakehouse.Cli.Commands;

namespace Lakehouse.Cli;

/// <summary>
/// The root of the <c>lakehouse</c> command tree and the one place that turns parse errors and exceptions
/// into a one-line message on stderr and an exit code (see <see cref="ExitCodes"/>, spec/cli.md).
/// Commands live one class per command under Commands/ and are registered in <see cref="CreateRoot"/>.
/// </summary>
public static class LakehouseCommand
{
    public static int Run(string[] args) => Run(args, CliConsole.FromProcess());

    /// <summary>Runs the command line in-process against <paramref name="console"/> (tests use memory streams).</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var context = new CliContext(console);
        var root = CreateRoot(context);
        var verbose = false;
        try
        {
            var parse = root.Parse(args);
            verbose = parse.GetValue(context.Verbose);
            if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
            {
                var command = parse.CommandResult.Command;
                var path = command == root ? "lakehouse" : CommandPath(parse);
                console.Error.WriteLine($"lakehouse: error: {ErrorReporter.OneLine(parse.Errors[0].Message)} (see '{path} --help')");
                return ExitCodes.Usage;
            }

            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            };
            return parse.Invoke(invocation);
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            // The reader went away (e.g. `| head`): stop quietly.
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(console.Error, e, verbose);
        }
        finally
        {
            try
            {
                console.Out.Flush();
            }
            catch (IOException)
            {
                // stdout is gone; nothing left to tell it.
            }
        }
    }

    /// <summary>Builds the command tree; each command class contributes its <see cref="Command"/>.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Lakehouse: an Iceberg-compatible lakehouse server with a vectorized SQL engine, Arrow Flight SQL and Kafka ingest.");
        root.Options.Add(context.Verbose);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ArrowCommand.Create(context));
        root.Subcommands.Add(ParquetCommand.Create(context));
        root.Subcommands.Add(IcebergCommand.Create(context));
        root.Subcommands.Add(TableCommand.Create(context));
        root.Subcommands.Add(LoadCommand.Create(context));
        root.Subcommands.Add(MaintenanceCommand.Create(context));
        root.Subcommands.Add(SqlCommand.Create(context));
        root.Subcommands.Add(KafkaCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.SetAction(parse =>
        {
            // No command: show the overview and succeed, so `lakehouse` alone is a useful first step.
            new System.CommandLine.Help.HelpAction().Invoke(parse);
            return ExitCodes.Success;
        });
        return root;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(r.Command is RootCommand ? "lakehouse" : r.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase) || e.HResult == 32;
}
