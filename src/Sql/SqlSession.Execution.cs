namespace Lakehouse.Sql;

/// <summary>Statement execution (planner and executor wiring).</summary>
public sealed partial class SqlSession
{
    private Task<SqlResult> ExecuteCoreAsync(string sql, IReadOnlyList<object?>? parameters, CancellationToken cancellationToken) =>
        throw new SqlException(SqlErrorKind.NotImplemented, "execution is not implemented yet");

    private SqlPreparedStatement PrepareCore(string sql) =>
        throw new SqlException(SqlErrorKind.NotImplemented, "prepare is not implemented yet");

    private Task<IReadOnlyList<SqlColumnInfo>> GetColumnsCoreAsync(string qualifiedTableName, CancellationToken cancellationToken) =>
        throw new SqlException(SqlErrorKind.NotImplemented, "column listing is not implemented yet");
}
