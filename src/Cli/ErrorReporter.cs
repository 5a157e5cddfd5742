using Lakehouse.Arrow;

namespace Lakehouse.Cli;

/// <summary>
/// Turns exceptions into the one-line error every command prints on stderr (<c>lakehouse: error: …</c>)
/// and an exit code. With --verbose the full exception (stack trace included) follows the line.
/// Later layers add their exception types to <see cref="Describe"/>.
/// </summary>
public static class ErrorReporter
{
    public static int Report(TextWriter error, Exception exception, bool verbose)
    {
        var (message, code) = Describe(exception);
        error.WriteLine("lakehouse: error: " + OneLine(message));
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else if (code == ExitCodes.InternalError)
        {
            error.WriteLine("lakehouse: run with --verbose for details");
        }

        return code;
    }

    /// <summary>The message and exit code for <paramref name="exception"/>.</summary>
    public static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        CliUsageException e => (e.Message, ExitCodes.Usage),
        CorruptFileException e => (e.Message, ExitCodes.Failure),
        Lakehouse.Table.IcebergException e => (e.Message, ExitCodes.Failure),
        Lakehouse.Table.Catalog.CommitConflictException e => (e.Message, ExitCodes.Failure),
        System.Data.Common.DbException e => ($"catalog database error: {e.Message}", ExitCodes.Failure),
        Lakehouse.Sql.SqlException e => (e.Message, ExitCodes.Failure),
        Lakehouse.Flight.Grpc.RpcException e => ($"server: {e.Message}", ExitCodes.Failure),
        HttpRequestException e => ($"cannot reach the server: {e.Message}", ExitCodes.Failure),
        FileNotFoundException e => ($"file not found: {e.FileName ?? e.Message}", ExitCodes.Failure),
        DirectoryNotFoundException e => ($"directory not found: {e.Message}", ExitCodes.Failure),
        UnauthorizedAccessException e => ($"permission denied: {e.Message}", ExitCodes.Failure),
        InvalidDataException e => ($"invalid data: {e.Message}", ExitCodes.Failure),
        IOException e => ($"I/O error: {e.Message}", ExitCodes.Failure),
        OperationCanceledException => ("cancelled", ExitCodes.Cancelled),
        NotSupportedException e => ($"not supported: {e.Message}", ExitCodes.Failure),
        _ => ($"internal error ({exception.GetType().Name}): {exception.Message}", ExitCodes.InternalError),
    };

    /// <summary>Collapses line breaks so the message is one line.</summary>
    public static string OneLine(string message)
    {
        var sb = new System.Text.StringBuilder(message.Length);
        foreach (var ch in message)
        {
            var c = char.IsWhiteSpace(ch) || char.IsControl(ch) ? ' ' : ch;
            if (c != ' ' || (sb.Length > 0 && sb[^1] != ' '))
            {
                sb.Append(c);
            }
        }

        var s = sb.ToString().Trim();
        return s.Length == 0 ? "unknown error" : s;
    }
}
