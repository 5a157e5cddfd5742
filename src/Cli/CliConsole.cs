using System.Text;

namespace Lakehouse.Cli;

/// <summary>
/// Where a command writes: rows go to <see cref="OutputStream"/> as UTF-8 bytes, messages and help to
/// <see cref="Out"/> (the same stream), errors to <see cref="Error"/>. Tests pass memory streams and
/// string writers; the process uses its standard streams.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(Stream output, TextWriter error, bool isOutputTerminal = false, int terminalWidth = 0)
    {
        OutputStream = output;
        Out = new StreamWriter(output, new UTF8Encoding(false), 4096, leaveOpen: true) { AutoFlush = true };
        Error = error;
        IsOutputTerminal = isOutputTerminal;
        TerminalWidth = terminalWidth;
    }

    public Stream OutputStream { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when standard output is an interactive terminal (not a pipe or file).</summary>
    public bool IsOutputTerminal { get; }

    /// <summary>Columns of the terminal, or 0 when unknown or not a terminal.</summary>
    public int TerminalWidth { get; }

    /// <summary>The process's standard streams.</summary>
    public static CliConsole FromProcess()
    {
        var terminal = !Console.IsOutputRedirected;
        var width = 0;
        if (terminal)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
                width = 0;
            }
        }

        if (terminal && width <= 0 && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns))
        {
            width = columns;
        }

        var error = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        return new CliConsole(Console.OpenStandardOutput(), error, terminal, width);
    }
}
