namespace Lakehouse.Cli;

/// <summary>Thrown by a command for invalid option values or combinations; reported as a usage error (exit 2).</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException()
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
