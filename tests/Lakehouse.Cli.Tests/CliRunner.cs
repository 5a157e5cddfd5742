using System.Text;

namespace Lakehouse.Cli.Tests;

/// <summary>Runs the lakehouse command line in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(false, args);

    public static (int ExitCode, string Stdout, string Stderr) Run(bool terminal, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, isOutputTerminal: terminal, terminalWidth: terminal ? 120 : 0);
        var code = LakehouseCommand.Run(args, console);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }
}
