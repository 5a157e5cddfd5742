using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql;

/// <summary>
/// The SQL engine: shared, thread-safe configuration (catalog, functions, limits). Queries run in a
/// <see cref="SqlSession"/>; create one per connection.
/// </summary>
public sealed class SqlEngine
{
    public SqlEngine(SqlEngineOptions? options = null)
    {
        Options = options ?? new SqlEngineOptions();
        Options.Validate();
        Functions = Options.Functions ?? FunctionRegistry.CreateDefault();
    }

    public SqlEngineOptions Options { get; }

    public FunctionRegistry Functions { get; }

    public SqlSession CreateSession() => new(this);
}
