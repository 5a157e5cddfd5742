using Lakehouse.Flight.Sql;

namespace Lakehouse.Cli.Commands;

/// <summary>Runs statements on a Flight SQL server through <see cref="FlightSqlClient"/>.</summary>
public sealed class RemoteSqlRunner(FlightSqlClient client) : ISqlStatementRunner
{
    public async Task<SqlStatementOutput> ExecuteAsync(string statement, CancellationToken cancellationToken)
    {
        var result = await client.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
        return new SqlStatementOutput(result.Schema, result.Batches, result.UpdateCount);
    }

    public void Dispose() => client.Dispose();
}
