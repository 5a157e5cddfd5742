namespace Lakehouse.Cli;

/// <summary>Process exit codes of the <c>lakehouse</c> command (spec/cli.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: missing or unreadable file, corrupt input, I/O error...</summary>
    public const int Failure = 1;

    /// <summary>Bad usage: unknown command or option, missing or invalid argument.</summary>
    public const int Usage = 2;

    /// <summary>A bug: an unexpected exception inside Lakehouse.</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
