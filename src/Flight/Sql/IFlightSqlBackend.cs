using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// What the Flight SQL server needs from a SQL engine. The server owns the protocol (commands, tickets,
/// prepared-statement handles, auth, limits, result framing); the backend plans and runs SQL and lists the
/// catalog. Every method receives the caller's <see cref="FlightSqlContext"/> (user, session catalog and
/// schema, cancellation). Backend errors: throw <see cref="FlightSqlException"/> with a kind; anything else
/// becomes INTERNAL.
/// </summary>
public interface IFlightSqlBackend
{
    /// <summary>Plans <paramref name="sql"/> without running it: result schema, parameter types, update or query.</summary>
    ValueTask<FlightSqlPreparedPlan> PrepareAsync(string sql, FlightSqlContext context);

    /// <summary>
    /// Runs a query. <paramref name="parameters"/> (null when the statement has none) holds one row per
    /// execution; the results of all rows are returned as one stream in row order. Batches must match the
    /// schema that <see cref="PrepareAsync"/> returned.
    /// </summary>
    ValueTask<FlightSqlQueryResult> ExecuteQueryAsync(string sql, RecordBatch? parameters, FlightSqlContext context);

    /// <summary>Runs an update/DDL statement once per parameter row (once when null); returns the affected row count (-1 unknown).</summary>
    ValueTask<long> ExecuteUpdateAsync(string sql, RecordBatch? parameters, FlightSqlContext context);

    /// <summary>Catalog names, in display order.</summary>
    ValueTask<IReadOnlyList<string>> GetCatalogsAsync(FlightSqlContext context);

    /// <summary>Every (catalog, schema) pair; the server applies the request's filters.</summary>
    ValueTask<IReadOnlyList<FlightSqlSchemaName>> GetDbSchemasAsync(FlightSqlContext context);

    /// <summary>Every table with its type and Arrow schema; the server applies the request's filters.</summary>
    ValueTask<IReadOnlyList<FlightSqlTableInfo>> GetTablesAsync(FlightSqlContext context);

    /// <summary>Table types this backend reports (e.g. TABLE, VIEW).</summary>
    IReadOnlyList<string> TableTypes { get; }

    /// <summary>Bulk ingestion (CommandStatementIngest): writes <paramref name="batches"/> into a table; returns rows written.</summary>
    ValueTask<long> IngestAsync(FlightSqlIngestRequest request, Schema schema, IAsyncEnumerable<RecordBatch> batches, FlightSqlContext context);

    /// <summary>Admin actions served by DoAction (admin role only), with descriptions for ListActions.</summary>
    IReadOnlyList<FlightSqlAdminAction> AdminActions { get; }

    /// <summary>Runs admin action <paramref name="type"/> with its request body; returns result payloads (e.g. JSON).</summary>
    ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> RunAdminActionAsync(string type, ReadOnlyMemory<byte> body, FlightSqlContext context);

    /// <summary>Name and version reported through GetSqlInfo.</summary>
    FlightSqlServerIdentity Identity { get; }
}
