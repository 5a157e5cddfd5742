using System.CommandLine;

namespace Lakehouse.Cli;

/// <summary>What every command gets when the tree is built: the console and the global options.</summary>
public sealed class CliContext
{
    public CliContext(CliConsole console)
    {
        Console = console;
    }

    public CliConsole Console { get; }

    /// <summary><c>--verbose</c>: full exception details on errors, progress detail where commands offer it.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show details: stack traces on errors, extra progress output.",
        Recursive = true,
    };
}
