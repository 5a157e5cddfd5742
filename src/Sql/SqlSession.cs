using Lakehouse.Arrow;

namespace Lakehouse.Sql;

/// <summary>
/// A connection's state: current catalog/schema, time zone and session properties. Not thread-safe: one
/// statement at a time (results may still be streamed after <see cref="ExecuteAsync"/> returns).
/// </summary>
public sealed partial class SqlSession
{
    internal SqlSession(SqlEngine engine)
    {
        Engine = engine;
        Catalog = engine.Options.DefaultCatalog;
        Schema = engine.Options.DefaultSchema;
        TimeZone = engine.Options.TimeZone;
    }

    public SqlEngine Engine { get; }

    /// <summary>The catalog unqualified names resolve in (USE changes it).</summary>
    public string Catalog { get; set; }

    /// <summary>The schema unqualified names resolve in (USE changes it).</summary>
    public string Schema { get; set; }

    /// <summary>The session time zone (IANA id; SET TIME ZONE changes it).</summary>
    public string TimeZone { get; set; }

    /// <summary>SET SESSION name = value.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses, plans and starts one statement. For queries the result streams batches; the first batch is
    /// produced before the last is computed where the plan allows (no blocking operator on the path).
    /// <paramref name="parameters"/> fill <c>?</c> / <c>$n</c> in order (value forms as in ArrayFactory).
    /// </summary>
    public Task<SqlResult> ExecuteAsync(string sql, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default) =>
        ExecuteCoreAsync(sql, parameters, cancellationToken);

    /// <summary>Parses and binds without running: result schema, parameter types, whether it is a query.</summary>
    public SqlPreparedStatement Prepare(string sql) => PrepareCore(sql);

    /// <summary>Runs a query and collects every batch (tests, small results).</summary>
    public async Task<IReadOnlyList<RecordBatch>> QueryAsync(string sql, IReadOnlyList<object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        await using var result = await ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        var batches = new List<RecordBatch>();
        await foreach (var batch in result.Batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
