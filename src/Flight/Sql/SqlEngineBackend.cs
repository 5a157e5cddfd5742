using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

using Lakehouse.Arrow;
using Lakehouse.Sql;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;

using ArrowSchema = Lakehouse.Arrow.Schema;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The Flight SQL backend over the real <see cref="SqlEngine"/> and its Iceberg catalog: one
/// <see cref="SqlSession"/> per call (with the Flight session's catalog/schema), parameters converted
/// row by row from the bound Arrow batch, bulk ingestion through the table writer, and the admin actions
/// (expire snapshots, remove orphan files, table statistics) through Lakehouse.Table maintenance.
/// </summary>
public sealed class SqlEngineBackend(SqlEngine engine, string version) : IFlightSqlBackend
{
    public IReadOnlyList<string> TableTypes { get; } = ["TABLE"];

    public IReadOnlyList<FlightSqlAdminAction> AdminActions { get; } =
    [
        new("ExpireSnapshots", "Expire old snapshots of a table and delete files no longer referenced. Body JSON: {\"table\":\"db.t\",\"olderThanMs\":<epoch ms>,\"retainLast\":1}"),
        new("RemoveOrphanFiles", "Delete files under a table's location that no snapshot references. Body JSON: {\"table\":\"db.t\",\"olderThanMs\":<epoch ms>,\"dryRun\":true}"),
        new("TableStatistics", "Files, rows, sizes and snapshots of a table's current snapshot. Body JSON: {\"table\":\"db.t\"}"),
    ];

    public FlightSqlServerIdentity Identity { get; } = new("Lakehouse", version, ReadOnly: engine.Options.Catalog is null);

    private ICatalog Catalog => engine.Options.Catalog ?? throw new FlightSqlException(FlightSqlErrorKind.NotSupported, "no catalog is configured");

    public ValueTask<FlightSqlPreparedPlan> PrepareAsync(string sql, FlightSqlContext context)
    {
        var session = Session(context);
        try
        {
            var statement = session.Prepare(sql);
            var parameters = new Field[statement.ParameterTypes.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = new Field(i.ToString(CultureInfo.InvariantCulture), statement.ParameterTypes[i].ArrowType);
            }

            var schema = statement.IsQuery ? ColumnMetadata.Annotate(statement.Schema, null, null, null) : FlightSqlSchemas.Empty;
            return ValueTask.FromResult(new FlightSqlPreparedPlan(schema, new ArrowSchema(parameters), !statement.IsQuery));
        }
        catch (Exception e) when (Map(e) is { } mapped)
        {
            throw mapped;
        }
    }

    public async ValueTask<FlightSqlQueryResult> ExecuteQueryAsync(string sql, RecordBatch? parameters, FlightSqlContext context)
    {
        var session = Session(context);
        if (parameters is null || parameters.Length <= 1)
        {
            var result = await RunAsync(session, sql, parameters is null ? null : Row(parameters, 0), context.CancellationToken).ConfigureAwait(false);
            return new FlightSqlQueryResult(result.Schema, Stream(result, context.CancellationToken));
        }

        var first = await RunAsync(session, sql, Row(parameters, 0), context.CancellationToken).ConfigureAwait(false);
        return new FlightSqlQueryResult(first.Schema, Rows(session, sql, parameters, first, context.CancellationToken));
    }

    public async ValueTask<long> ExecuteUpdateAsync(string sql, RecordBatch? parameters, FlightSqlContext context)
    {
        var session = Session(context);
        long total = 0;
        for (var row = 0; row < (parameters?.Length ?? 1); row++)
        {
            await using var result = await RunAsync(session, sql, parameters is null ? null : Row(parameters, row), context.CancellationToken).ConfigureAwait(false);
            await foreach (var _ in result.Batches.WithCancellation(context.CancellationToken).ConfigureAwait(false))
            {
                // Drain: DML may stream a count batch.
            }

            total += result.UpdateCount ?? 0;
        }

        return total;
    }

    public async ValueTask<IReadOnlyList<string>> GetCatalogsAsync(FlightSqlContext context) =>
        await Session(context).ListCatalogsAsync(context.CancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<FlightSqlSchemaName>> GetDbSchemasAsync(FlightSqlContext context)
    {
        var session = Session(context);
        var schemas = await session.ListSchemasAsync(null, context.CancellationToken).ConfigureAwait(false);
        return [.. schemas.Select(s => new FlightSqlSchemaName(engine.Options.DefaultCatalog, s))];
    }

    public async ValueTask<IReadOnlyList<FlightSqlTableInfo>> GetTablesAsync(FlightSqlContext context)
    {
        var session = Session(context);
        var tables = await session.ListTablesAsync(null, null, context.CancellationToken).ConfigureAwait(false);
        var result = new List<FlightSqlTableInfo>(tables.Count);
        foreach (var t in tables)
        {
            var fields = new List<Field>();
            try
            {
                foreach (var c in await session.GetColumnsAsync($"{Quote(t.Catalog)}.{Quote(t.Schema)}.{Quote(t.Name)}", context.CancellationToken).ConfigureAwait(false))
                {
                    fields.Add(new Field(c.Name, c.Type.ArrowType, c.IsNullable));
                }
            }
            catch (Exception e) when (e is SqlException or IcebergException or IOException)
            {
                // A table that cannot be loaded is still listed, without columns.
            }

            result.Add(new FlightSqlTableInfo(t.Catalog, t.Schema, t.Name, t.TableType, new ArrowSchema(fields)));
        }

        return result;
    }

    public async ValueTask<long> IngestAsync(FlightSqlIngestRequest request, ArrowSchema schema, IAsyncEnumerable<RecordBatch> batches, FlightSqlContext context)
    {
        var ct = context.CancellationToken;
        var ns = request.Schema ?? context.Schema ?? engine.Options.DefaultSchema;
        var identifier = TableIdentifier.Parse(ns + "." + request.Table);
        var catalog = Catalog;
        TableOperations operations;
        if (await catalog.TableExistsAsync(identifier, ct).ConfigureAwait(false))
        {
            if (request.IfExists == FlightSqlIngestMode.Fail)
            {
                throw new FlightSqlException(FlightSqlErrorKind.AlreadyExists, $"table {identifier} already exists");
            }

            if (request.IfExists == FlightSqlIngestMode.Replace)
            {
                throw new FlightSqlException(FlightSqlErrorKind.NotSupported, "not supported: ingest with TABLE_EXISTS_OPTION_REPLACE (append or create)");
            }

            operations = new TableOperations(catalog, identifier);
        }
        else
        {
            if (!request.CreateIfMissing)
            {
                throw new FlightSqlException(FlightSqlErrorKind.NotFound, $"table {identifier} does not exist");
            }

            var icebergSchema = ArrowSchemaConverter.FromArrow(schema, assignIds: true);
            operations = await TableOperations.CreateTableAsync(catalog, identifier, icebergSchema, cancellationToken: ct).ConfigureAwait(false);
        }

        await using var writer = operations.NewDataWriter();
        await foreach (var batch in batches.WithCancellation(ct).ConfigureAwait(false))
        {
            await writer.WriteAsync(batch, ct).ConfigureAwait(false);
        }

        var files = await writer.CompleteAsync(ct).ConfigureAwait(false);
        if (files.Count > 0)
        {
            await operations.NewFastAppend().AppendAll(files).CommitAsync(ct).ConfigureAwait(false);
        }

        return writer.RowCount;
    }

    public async ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> RunAdminActionAsync(string type, ReadOnlyMemory<byte> body, FlightSqlContext context)
    {
        var ct = context.CancellationToken;
        JsonElement args;
        try
        {
            args = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body.ToArray()).RootElement;
        }
        catch (JsonException e)
        {
            throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"{type}: the body must be JSON: {e.Message}");
        }

        var table = args.TryGetProperty("table", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(table))
        {
            throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"{type}: body needs \"table\"");
        }

        var identifier = TableIdentifier.Parse(table.Contains('.', StringComparison.Ordinal) ? table : (context.Schema ?? engine.Options.DefaultSchema) + "." + table);
        var operations = new TableOperations(Catalog, identifier);
        var metadata = await operations.RefreshAsync(ct).ConfigureAwait(false);
        var olderThan = args.TryGetProperty("olderThanMs", out var o) ? o.GetInt64() : DateTimeOffset.UtcNow.AddDays(-5).ToUnixTimeMilliseconds();
        object answer;
        switch (type)
        {
            case "ExpireSnapshots":
            {
                var expire = operations.ExpireSnapshots().ExpireOlderThan(olderThan);
                if (args.TryGetProperty("retainLast", out var r))
                {
                    expire.RetainLast(r.GetInt32());
                }

                var result = await expire.ExecuteAsync(ct).ConfigureAwait(false);
                answer = new { table = identifier.ToString(), expiredSnapshots = result.ExpiredSnapshotIds, deletedDataFiles = result.DeletedDataFilesCount, deletedManifests = result.DeletedManifestsCount, deletedManifestLists = result.DeletedManifestListsCount };
                break;
            }

            case "RemoveOrphanFiles":
            {
                var dryRun = args.TryGetProperty("dryRun", out var d) && d.GetBoolean();
                var removed = await operations.RemoveOrphanFiles().OlderThan(olderThan).DryRun(dryRun).ExecuteAsync(ct).ConfigureAwait(false);
                answer = new { table = identifier.ToString(), dryRun, orphanFiles = removed };
                break;
            }

            case "TableStatistics":
            {
                var current = metadata.CurrentSnapshot;
                var summary = current?.Summary ?? new Dictionary<string, string>();
                answer = new
                {
                    table = identifier.ToString(),
                    snapshots = metadata.Snapshots.Count,
                    currentSnapshotId = current?.SnapshotId,
                    dataFiles = summary.GetValueOrDefault("total-data-files"),
                    deleteFiles = summary.GetValueOrDefault("total-delete-files"),
                    rows = summary.GetValueOrDefault("total-records"),
                    sizeBytes = summary.GetValueOrDefault("total-files-size"),
                };
                break;
            }

            default:
                throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"unknown admin action {type}");
        }

        return [JsonSerializer.SerializeToUtf8Bytes(answer)];
    }

    private SqlSession Session(FlightSqlContext context)
    {
        var session = engine.CreateSession();
        if (context.Catalog is { } catalog)
        {
            session.Catalog = catalog;
        }

        if (context.Schema is { } schema)
        {
            session.Schema = schema;
        }

        return session;
    }

    private static async Task<SqlResult> RunAsync(SqlSession session, string sql, object?[]? parameters, CancellationToken cancellationToken)
    {
        try
        {
            return await session.ExecuteAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e) is { } mapped)
        {
            throw mapped;
        }
    }

    private static async IAsyncEnumerable<RecordBatch> Stream(SqlResult result, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (result.ConfigureAwait(false))
        {
            await foreach (var batch in result.Batches.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    private static async IAsyncEnumerable<RecordBatch> Rows(SqlSession session, string sql, RecordBatch parameters, SqlResult first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in Stream(first, cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }

        for (var row = 1; row < parameters.Length; row++)
        {
            var next = await RunAsync(session, sql, Row(parameters, row), cancellationToken).ConfigureAwait(false);
            await foreach (var batch in Stream(next, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    /// <summary>Row <paramref name="row"/> of a bound parameter batch as engine values.</summary>
    private static object?[] Row(RecordBatch parameters, int row)
    {
        var values = new object?[parameters.ColumnCount];
        for (var i = 0; i < values.Length; i++)
        {
            var column = parameters.Column(i);
            var type = SqlType.FromArrow(column.Type) ?? throw new FlightSqlException(FlightSqlErrorKind.InvalidArgument, $"parameter {i}: Arrow type {column.Type} has no SQL counterpart");
            values[i] = ArrayFactory.GetValue(column, row, type);
        }

        return values;
    }

    private static FlightSqlException? Map(Exception e) => e switch
    {
        SqlException s => new FlightSqlException(s.Kind == SqlErrorKind.NotImplemented ? FlightSqlErrorKind.NotSupported : FlightSqlErrorKind.InvalidArgument, s.Message, s),
        IcebergException i => new FlightSqlException(FlightSqlErrorKind.InvalidArgument, i.Message, i),
        CommitConflictException c => new FlightSqlException(FlightSqlErrorKind.AlreadyExists, c.Message, c),
        _ => null,
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
