namespace Lakehouse.Cli.Commands;

/// <summary>Where the sql command runs statements: the embedded engine or a Flight SQL server.</summary>
public interface ISqlStatementRunner : IDisposable
{
    Task<SqlStatementOutput> ExecuteAsync(string statement, CancellationToken cancellationToken);
}
