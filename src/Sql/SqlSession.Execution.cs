using System.Runtime.CompilerServices;
using Lakehouse.Arrow;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Optimizer;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>Statement execution: parse → resolve sources → bind → optimize → physical plan → stream.</summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult> ExecuteCoreAsync(string sql, IReadOnlyList<object?>? parameters, CancellationToken cancellationToken)
    {
        var statement = SqlParser.Parse(sql);
        switch (statement)
        {
            case Query query:
                {
                    var functions = NewFunctionContext(cancellationToken);
                    var (plan, names) = await PlanAsync(query, parameters ?? [], functions, cancellationToken).ConfigureAwait(false);
                    return Run(plan, names, functions, cancellationToken);
                }

            case Explain explain:
                return await ExplainAsync(explain, parameters ?? [], cancellationToken).ConfigureAwait(false);
            case Copy copy:
                return await ExecuteCopyAsync(copy, parameters ?? [], cancellationToken).ConfigureAwait(false);
            case ShowCatalogs show:
                return Rows(["Catalog"], Filter(await ListCatalogsAsync(cancellationToken).ConfigureAwait(false), show.Pattern).Select(c => new object?[] { c }));
            case ShowSchemas show:
                return Rows(["Schema"], Filter(await ListSchemasAsync(show.Catalog?.Value, cancellationToken).ConfigureAwait(false), show.Pattern).Select(c => new object?[] { c }));
            case ShowTables show:
                {
                    var schema = show.Schema is null ? Schema : show.Schema.Parts[^1].Value;
                    var tables = await ListTablesAsync(null, schema, cancellationToken).ConfigureAwait(false);
                    return Rows(["Table"], Filter(tables.Select(t => t.Name).ToArray(), show.Pattern).Select(t => new object?[] { t }));
                }

            case ShowColumns show:
                {
                    var columns = await GetColumnsCoreAsync(Scope.Display(show.Table), cancellationToken).ConfigureAwait(false);
                    var names = Filter(columns.Select(c => c.Name).ToArray(), show.Pattern).ToHashSet(StringComparer.Ordinal);
                    return Rows(["Column", "Type", "Extra", "Comment"], columns.Where(c => names.Contains(c.Name)).Select(c => new object?[] { c.Name, c.Type.ToString(), string.Empty, c.Comment ?? string.Empty }));
                }

            case Use use:
                Schema = use.Schema.Value;
                if (use.Catalog is not null)
                {
                    Catalog = use.Catalog.Value;
                }

                return new SqlResult(0);
            case SetTimeZone tz:
                TimeZone = tz.Zone is StringLiteral zoneText ? zoneText.Value : tz.Zone is null ? Engine.Options.TimeZone : throw new SqlException(SqlErrorKind.NotImplemented, "SET TIME ZONE needs a string literal");
                _ = ResolveTimeZone(TimeZone);
                return new SqlResult(0);
            case SetSession set:
                Properties[Scope.Display(set.Name)] = set.Value switch
                {
                    StringLiteral text => text.Value,
                    var v => v.ToString(),
                };
                return new SqlResult(0);
            case ResetSession reset:
                Properties.Remove(Scope.Display(reset.Name));
                return new SqlResult(0);
            case StartTransaction or Commit or Rollback:
                return new SqlResult(0);
            default:
                if (await ExecuteDdlAsync(statement, parameters ?? [], cancellationToken).ConfigureAwait(false) is { } ddl)
                {
                    return ddl;
                }

                throw new SqlException(SqlErrorKind.NotImplemented, $"{statement.GetType().Name} statements are not supported yet");
        }
    }

    private static IEnumerable<string> Filter(IReadOnlyList<string> names, string? pattern)
    {
        if (pattern is null)
        {
            return names;
        }

        var like = Functions.Strings.LikePattern.Compile(pattern);
        return names.Where(n => like.IsMatch(System.Text.Encoding.UTF8.GetBytes(n)));
    }

    private static SqlResult Rows(string[] names, IEnumerable<object?[]> rows)
    {
        var list = rows.ToList();
        var schema = new Schema(names.Select(n => new Field(n, SqlType.Varchar.ArrowType)).ToArray());
        var columns = names.Select((_, c) => Execution.Vectors.ArrayFactory.FromValues(SqlType.Varchar, list.Select(r => r[c]))).ToArray();
        return new SqlResult(schema, One(new RecordBatch(schema, columns, list.Count)));
    }

    private static async IAsyncEnumerable<RecordBatch> One(RecordBatch batch)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield return batch;
    }

    private FunctionContext NewFunctionContext(CancellationToken cancellationToken) =>
        new(ResolveTimeZone(TimeZone), DateTimeOffset.UtcNow, cancellationToken);

    private static TimeZoneInfo ResolveTimeZone(string id)
    {
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id == "Z")
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        throw new SqlException(SqlErrorKind.Binder, $"unknown time zone \"{id}\"");
    }

    private BinderContext NewBinderContext(IReadOnlyList<object?>? parameters, FunctionContext functions) => new()
    {
        Functions = Engine.Functions,
        FunctionContext = functions,
        Parameters = parameters,
        Catalog = Catalog,
        Schema = Schema,
        HasCatalog = Engine.Options.Catalog is not null,
    };

    private async Task<(LogicalOperator Plan, IReadOnlyList<string> Names)> PlanAsync(Query query, IReadOnlyList<object?> parameters, FunctionContext functions, CancellationToken cancellationToken)
    {
        var context = NewBinderContext(parameters, functions);
        await SourceResolver.ResolveAsync(query, context, Engine.Options.Catalog, functions, cancellationToken).ConfigureAwait(false);
        var binder = new Binder(context);
        var (plan, names) = binder.BindStatementQuery(query);
        return (PlanOptimizer.Optimize(plan), names);
    }

    private QueryContext NewQueryContext(FunctionContext functions, CancellationToken cancellationToken, bool statistics = false) =>
        new(Engine.Options.BatchSize, functions, new MemoryTracker(Engine.Options.MemoryLimitBytes), Engine.Options.DegreeOfParallelism, cancellationToken)
        {
            Statistics = statistics ? [] : null,
        };

    private static Schema OutputSchema(LogicalOperator plan, IReadOnlyList<string> names) =>
        new(plan.Columns.Select((c, i) => new Field(names[i], c.Type.ArrowType)).ToArray());

    private SqlResult Run(LogicalOperator plan, IReadOnlyList<string> names, FunctionContext functions, CancellationToken cancellationToken)
    {
        var schema = OutputSchema(plan, names);
        var physical = PhysicalPlanner.Create(plan);
        var timeout = Engine.Options.QueryTimeout;
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t)
        {
            cts.CancelAfter(t);
        }

        var context = NewQueryContext(new FunctionContext(functions.TimeZone, functions.QueryStart, cts.Token), cts.Token);
        return new SqlResult(schema, Stream(physical, schema, context, cts, timeout, cancellationToken), () =>
        {
            cts.Dispose();
            return ValueTask.CompletedTask;
        });
    }

    private static async IAsyncEnumerable<RecordBatch> Stream(PhysicalOperator physical, Schema schema, QueryContext context, CancellationTokenSource cts, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = physical.ExecuteAsync(context).GetAsyncEnumerator(context.CancellationToken);
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout is { } t && cts.IsCancellationRequested)
                {
                    throw new SqlException(SqlErrorKind.Execution, $"query exceeded the timeout of {t.TotalSeconds:0.###} s");
                }
                catch (OutOfMemoryException e)
                {
                    throw new SqlException(SqlErrorKind.Execution, "out of memory while running the query", e);
                }

                if (!more)
                {
                    break;
                }

                var chunk = enumerator.Current;
                yield return new RecordBatch(schema, chunk.Columns.Length == schema.Count ? chunk.Columns : PadColumns(chunk, schema), chunk.Length);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Arrow.Arrays.ArrowArray[] PadColumns(DataChunk chunk, Schema schema) =>
        throw new InvalidOperationException($"operator produced {chunk.Columns.Length} columns, the result has {schema.Count}");

    private SqlPreparedStatement PrepareCore(string sql)
    {
        var statement = SqlParser.Parse(sql);
        if (statement is Explain || statement is not Query query)
        {
            return new SqlPreparedStatement(this, sql, statement is Explain ? new Schema([new Field("Query Plan", SqlType.Varchar.ArrowType)]) : new Schema([]), [], statement is Explain or ShowCatalogs or ShowSchemas or ShowTables or ShowColumns);
        }

        var functions = NewFunctionContext(CancellationToken.None);
        var context = NewBinderContext(null, functions);
        SourceResolver.ResolveAsync(query, context, Engine.Options.Catalog, functions, CancellationToken.None).GetAwaiter().GetResult();
        var binder = new Binder(context);
        var (plan, names) = binder.BindStatementQuery(query);
        return new SqlPreparedStatement(this, sql, OutputSchema(plan, names), binder.ParameterTypes.ToArray(), true);
    }

    private async Task<IReadOnlyList<SqlColumnInfo>> GetColumnsCoreAsync(string qualifiedTableName, CancellationToken cancellationToken)
    {
        var query = (Query)SqlParser.Parse($"SELECT * FROM {qualifiedTableName}");
        var functions = NewFunctionContext(cancellationToken);
        var (plan, names) = await PlanAsync(query, [], functions, cancellationToken).ConfigureAwait(false);
        return plan.Columns.Select((c, i) => new SqlColumnInfo(names[i], c.Type, true)).ToArray();
    }
}
