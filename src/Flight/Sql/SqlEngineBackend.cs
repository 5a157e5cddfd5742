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

    public async ValueTask<FlightSqlPreparedPlan> PrepareAsync(string sql, FlightSqlContext context)
    {
        var session = Session(context);
        SqlPreparedStatement statement;
        try
        {
            statement = session.Prepare(sql);
        }
        catch (SqlException e) when (e.Kind == SqlErrorKind.NotImplemented)
        {
            return await PlanByStartingAsync(session, sql, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Map(e) is { } mapped)
        {
            throw mapped;
        }

        var parameters = new Field[statement.ParameterTypes.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = new Field(i.ToString(CultureInfo.InvariantCulture), statement.ParameterTypes[i].ArrowType);
        }

        var schema = statement.IsQuery ? ColumnMetadata.Annotate(statement.Schema, null, null, null) : FlightSqlSchemas.Empty;
        return new FlightSqlPreparedPlan(schema, new ArrowSchema(parameters), !statement.IsQuery);
    }

    /// <summary>
    /// Fallback while the engine cannot prepare a statement kind: statements that start with a DML/DDL
    /// keyword are updates; a query is started with null parameters to learn its schema (streams are lazy,
    /// so nothing is read) and then disposed. Parameters are the <c>?</c> marks, typed null (unknown).
    /// </summary>
    private static async Task<FlightSqlPreparedPlan> PlanByStartingAsync(SqlSession session, string sql, CancellationToken cancellationToken)
    {
        var count = CountParameterMarks(sql);
        var parameters = new Field[count];
        for (var i = 0; i < count; i++)
        {
            parameters[i] = new Field(i.ToString(CultureInfo.InvariantCulture), Arrow.Types.ArrowType.Null);
        }

        var first = FirstKeyword(sql);
        if (first is "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "CREATE" or "DROP" or "ALTER" or "TRUNCATE" or "SET" or "RESET" or "USE" or "CALL" or "COMMENT" or "GRANT" or "REVOKE")
        {
            return new FlightSqlPreparedPlan(FlightSqlSchemas.Empty, new ArrowSchema(parameters), true);
        }

        await using var result = await RunAsync(session, sql, count == 0 ? null : new object?[count], cancellationToken).ConfigureAwait(false);
        return new FlightSqlPreparedPlan(ColumnMetadata.Annotate(result.Schema, null, null, null), new ArrowSchema(parameters), !result.IsQuery);
    }

    private static string FirstKeyword(string sql)
    {
        var span = sql.AsSpan().TrimStart();
        while (span.StartsWith("--", StringComparison.Ordinal) || span.StartsWith("/*", StringComparison.Ordinal) || span.StartsWith("(", StringComparison.Ordinal))
        {
            if (span[0] == '(')
            {
                span = span[1..].TrimStart();
                continue;
            }

            var end = span[0] == '-' ? span.IndexOf('\n') : span.IndexOf("*/", StringComparison.Ordinal);
            span = end < 0 ? [] : span[(end + (span[0] == '-' ? 1 : 2))..].TrimStart();
        }

        var length = 0;
        while (length < span.Length && char.IsLetter(span[length]))
        {
            length++;
        }

        return span[..length].ToString().ToUpperInvariant();
    }

    /// <summary>The <c>?</c> marks outside string literals, quoted identifiers and comments.</summary>
    internal static int CountParameterMarks(string sql)
    {
        var count = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var close = sql.IndexOf(c, i + 1);
                while (close >= 0 && close + 1 < sql.Length && sql[close + 1] == c)
                {
                    close = sql.IndexOf(c, close + 2);
                }

                i = close < 0 ? sql.Length : close;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (c == '?')
            {
                count++;
            }
        }

        return count;
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
            catch (SqlException e) when (e.Kind == SqlErrorKind.NotImplemented)
            {
                // Until the engine lists columns: the Iceberg schema as Arrow.
                fields = await IcebergColumnsAsync(t, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SqlException or IcebergException or IOException)
            {
                // A table that cannot be loaded is still listed, without columns.
            }

            result.Add(new FlightSqlTableInfo(t.Catalog, t.Schema, t.Name, t.TableType, new ArrowSchema(fields)));
        }

        return result;
    }

    private async Task<List<Field>> IcebergColumnsAsync(SqlTableInfo table, CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await Catalog.LoadTableAsync(TableIdentifier.Parse(table.Schema + "." + table.Name), cancellationToken).ConfigureAwait(false);
            return [.. ArrowSchemaConverter.ToArrow(loaded.Metadata.CurrentSchema).Fields];
        }
        catch (Exception e) when (e is IcebergException or IOException)
        {
            return [];
        }
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

            operations = new TableOperations(catalog, identifier);
            if (request.IfExists == FlightSqlIngestMode.Replace)
            {
                var current = ArrowSchemaConverter.ToArrow((await operations.RefreshAsync(ct).ConfigureAwait(false)).CurrentSchema);
                if (!SameColumns(current, schema))
                {
                    throw new FlightSqlException(FlightSqlErrorKind.NotSupported, $"not supported: ingest REPLACE into {identifier} with different columns ({string.Join(", ", schema.Fields.Select(f => $"{f.Name} {f.Type}"))}; the table has {string.Join(", ", current.Fields.Select(f => $"{f.Name} {f.Type}"))}): drop the table first or ingest with the same columns");
                }

                return await ReplaceAsync(operations, batches, ct).ConfigureAwait(false);
            }
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

    /// <summary>Ingest REPLACE: the new rows' files and the removal of every current data file commit as one overwrite snapshot.</summary>
    private static async ValueTask<long> ReplaceAsync(TableOperations operations, IAsyncEnumerable<RecordBatch> batches, CancellationToken ct)
    {
        await using var writer = operations.NewDataWriter();
        await foreach (var batch in batches.WithCancellation(ct).ConfigureAwait(false))
        {
            await writer.WriteAsync(batch, ct).ConfigureAwait(false);
        }

        var overwrite = operations.NewOverwrite().OverwriteByRowFilter(Lakehouse.Table.Expressions.Expressions.AlwaysTrue);
        foreach (var file in await writer.CompleteAsync(ct).ConfigureAwait(false))
        {
            overwrite.AddFile(file);
        }

        await overwrite.CommitAsync(ct).ConfigureAwait(false);
        return writer.RowCount;
    }

    private static bool SameColumns(ArrowSchema table, ArrowSchema incoming) =>
        table.Fields.Count == incoming.Fields.Count
        && table.Fields.Zip(incoming.Fields).All(p => string.Equals(p.First.Name, p.Second.Name, StringComparison.OrdinalIgnoreCase) && p.First.Type.Equals(p.Second.Type));

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
