using Lakehouse.Arrow;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>A parsed and bound statement: result schema and parameter types, executable many times.</summary>
public sealed class SqlPreparedStatement
{
    internal SqlPreparedStatement(SqlSession session, string sql, Schema schema, IReadOnlyList<SqlType> parameterTypes, bool isQuery)
    {
        Session = session;
        Sql = sql;
        Schema = schema;
        ParameterTypes = parameterTypes;
        IsQuery = isQuery;
    }

    public SqlSession Session { get; }

    public string Sql { get; }

    /// <summary>The result columns of a query (never empty for queries); empty otherwise.</summary>
    public Schema Schema { get; }

    /// <summary>One type per parameter (<c>?</c> in order, or <c>$1..$n</c>); unknown when the context does not say.</summary>
    public IReadOnlyList<SqlType> ParameterTypes { get; }

    public bool IsQuery { get; }

    public Task<SqlResult> ExecuteAsync(IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        Session.ExecuteAsync(Sql, parameters, cancellationToken);
}
