using Lakehouse.Sql;

namespace Lakehouse.Cli.Commands;

/// <summary>Runs statements in the embedded SQL engine.</summary>
public sealed class LocalSqlRunner(SqlSession session) : ISqlStatementRunner
{
    public async Task<SqlStatementOutput> ExecuteAsync(string statement, CancellationToken cancellationToken)
    {
        var result = await session.ExecuteAsync(statement, null, cancellationToken).ConfigureAwait(false);
        return result.IsQuery ? new SqlStatementOutput(result.Schema, result.Batches, null, result) : new SqlStatementOutput(null, null, result.UpdateCount, result);
    }

    public void Dispose()
    {
    }
}
