using Lakehouse.Arrow;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Ddl;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Optimizer;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;

namespace Lakehouse.Sql;

/// <summary>
/// Catalog statements over Iceberg: CREATE SCHEMA, CREATE TABLE, CREATE TABLE AS SELECT, INSERT INTO … query,
/// DROP TABLE. Writes go through the table layer (Parquet data files, one fast-append snapshot per statement).
/// </summary>
public sealed partial class SqlSession
{
    private ICatalog RequireCatalog(string what) =>
        Engine.Options.Catalog ?? throw new SqlException(SqlErrorKind.Binder, $"{what} needs a catalog (start with --warehouse or --catalog)");

    private TableIdentifier Identify(QualifiedName name)
    {
        var (_, schema, table) = SourceKeys.Qualify(name, Catalog, Schema);
        return new TableIdentifier(Namespace.Parse(schema), table);
    }

    private async Task<SqlResult?> ExecuteDdlAsync(Statement statement, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case CreateSchema create:
                {
                    var catalog = RequireCatalog("CREATE SCHEMA");
                    var ns = Namespace.Parse(Scope.Display(create.Name));
                    var existing = await catalog.ListNamespacesAsync(null, cancellationToken).ConfigureAwait(false);
                    if (existing.Contains(ns))
                    {
                        return create.IfNotExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"schema \"{ns}\" already exists");
                    }

                    await catalog.CreateNamespaceAsync(ns, null, cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case CreateTable create:
                {
                    var catalog = RequireCatalog("CREATE TABLE");
                    var id = Identify(create.Name);
                    if (await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
                    {
                        return create.IfNotExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"table \"{id}\" already exists");
                    }

                    var tableProperties = IcebergTableProperties.Parse(create.Properties);
                    var fields = create.Columns.AsSpan().ToArray().Select(c => new Field(c.Name.Value, StorageTypeForTable(SqlTypes.FromSyntax(c.Type)).ArrowType, !c.NotNull)).ToArray();
                    var comments = create.Columns.AsSpan().ToArray().Select(c => c.Comment).ToArray();
                    await CreateIcebergTableAsync(catalog, id, fields, tableProperties, comments, cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case CreateTableAsSelect ctas:
                {
                    var catalog = RequireCatalog("CREATE TABLE AS");
                    var id = Identify(ctas.Name);
                    if (await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
                    {
                        return ctas.IfNotExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"table \"{id}\" already exists");
                    }

                    var tableProperties = IcebergTableProperties.Parse(ctas.Properties);
                    var functions = NewFunctionContext(cancellationToken);
                    var (plan, names) = await PlanAsync(ctas.Query, parameters, functions, cancellationToken).ConfigureAwait(false);
                    var columnNames = ctas.ColumnNames.IsEmpty ? names : ctas.ColumnNames.AsSpan().ToArray().Select(c => c.Value).ToArray();
                    if (columnNames.Count != plan.Columns.Count)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"CREATE TABLE AS names {columnNames.Count} columns but the query returns {plan.Columns.Count}");
                    }

                    var fields = plan.Columns.Select((c, i) => new Field(columnNames[i], StorageTypeForTable(c.Type.Kind == SqlTypeKind.Unknown ? SqlType.Varchar : c.Type).ArrowType)).ToArray();
                    var ops = await CreateIcebergTableAsync(catalog, id, fields, tableProperties, null, cancellationToken).ConfigureAwait(false);
                    if (!ctas.WithData)
                    {
                        return new SqlResult(0);
                    }

                    var written = await WriteAsync(ops, plan, functions, cancellationToken).ConfigureAwait(false);
                    return new SqlResult(written);
                }

            case Insert insert:
                {
                    var catalog = RequireCatalog("INSERT");
                    var id = Identify(insert.Table);
                    if (!await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(insert.Table)}\" does not exist");
                    }

                    var ops = new TableOperations(catalog, id);
                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    var tableSchema = ArrowSchemaConverter.ToArrow(metadata.CurrentSchema);
                    var functions = NewFunctionContext(cancellationToken);
                    var (plan, _) = await PlanAsync(insert.Query, parameters, functions, cancellationToken).ConfigureAwait(false);
                    var targets = insert.Columns.IsEmpty ? tableSchema.Fields.Select(f => f.Name).ToArray() : insert.Columns.AsSpan().ToArray().Select(c => c.Value).ToArray();
                    if (targets.Length != plan.Columns.Count)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"INSERT has {targets.Length} target columns but the query returns {plan.Columns.Count}");
                    }

                    var binder = new Binder(NewBinderContext(parameters, functions));
                    var exprs = new List<BoundExpression>();
                    foreach (var field in tableSchema.Fields)
                    {
                        var type = SqlType.FromArrow(field.Type) ?? throw new SqlException(SqlErrorKind.NotImplemented, $"column \"{field.Name}\" has type {field.Type}");
                        var k = Array.FindIndex(targets, t => string.Equals(t, field.Name, StringComparison.OrdinalIgnoreCase));
                        if (k < 0)
                        {
                            exprs.Add(BoundConstant.Null(type));
                            continue;
                        }

                        var source = new BoundColumn(k, plan.Columns[k].Type, plan.Columns[k].Name);
                        try
                        {
                            exprs.Add(binder.CoerceForInsert(source, type));
                        }
                        catch (SqlException)
                        {
                            throw new SqlException(SqlErrorKind.Binder, $"Insert query has mismatched column types: column \"{field.Name}\" is {type}, the query gives {source.Type}");
                        }
                    }

                    foreach (var t in targets)
                    {
                        if (!tableSchema.Fields.Any(f => string.Equals(f.Name, t, StringComparison.OrdinalIgnoreCase)))
                        {
                            throw new SqlException(SqlErrorKind.Binder, $"column \"{t}\" of INSERT does not exist in table \"{id}\"");
                        }
                    }

                    var project = PlanOptimizer.Optimize(new LogicalProject(plan, exprs, tableSchema.Fields.Select(f => f.Name).ToArray()));
                    var written = await WriteAsync(ops, project, functions, cancellationToken).ConfigureAwait(false);
                    return new SqlResult(written);
                }

            case DropTable drop:
                {
                    var catalog = RequireCatalog("DROP TABLE");
                    var id = Identify(drop.Name);
                    var dropped = await catalog.DropTableAsync(id, cancellationToken).ConfigureAwait(false);
                    if (!dropped && !drop.IfExists)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"table \"{id}\" does not exist");
                    }

                    return new SqlResult(0);
                }

            case Parsing.Ast.Copy copy:
                return await ExecuteCopyAsync(copy, parameters, cancellationToken).ConfigureAwait(false);

            default:
                return await ExecuteAlterAsync(statement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Iceberg has no 8/16-bit integers: tinyint and smallint columns are stored as integer (as Trino's Iceberg connector).</summary>
    private static SqlType StorageTypeForTable(SqlType type) => type.Kind switch
    {
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt => SqlType.Integer,
        SqlTypeKind.Json => SqlType.Varchar,
        SqlTypeKind.IntervalDayToSecond or SqlTypeKind.IntervalYearToMonth => throw new SqlException(SqlErrorKind.Binder, $"type {type} cannot be stored in an Iceberg table"),
        _ => type,
    };

    private static async Task<TableOperations> CreateIcebergTableAsync(
        ICatalog catalog, TableIdentifier id, Field[] fields, IcebergTableProperties tableProperties, string?[]? comments, CancellationToken cancellationToken)
    {
        try
        {
            var icebergSchema = ArrowSchemaConverter.FromArrow(new Arrow.Schema(fields), assignIds: true);
            if (comments is not null && comments.Any(c => c is not null))
            {
                icebergSchema = new Table.Types.Schema(
                    icebergSchema.SchemaId,
                    [.. icebergSchema.Fields.Select((f, i) => comments[i] is { } doc ? new NestedField(f.Id, f.Name, f.Type, f.IsRequired, doc) : f)]);
            }

            var location = tableProperties.Location ?? catalog.DefaultTableLocation(id);
            var formatVersion = tableProperties.FormatVersion ?? 2;
            var draft = TableMetadataBuilder.NewTableMetadata(icebergSchema, null, null, location, tableProperties.Properties, formatVersion);
            var draftOps = new TableOperations(catalog, id);
            PartitionSpec? spec = null;
            if (tableProperties.Partitioning is { Count: > 0 } partitioning)
            {
                var update = draftOps.UpdateSpec().CaseSensitive(false);
                foreach (var (column, transform) in partitioning)
                {
                    update.AddField(column, transform);
                }

                spec = update.ApplySpec(draft);
            }

            Table.Metadata.SortOrder? order = null;
            if (tableProperties.SortedBy is { Count: > 0 } sortedBy)
            {
                var replace = draftOps.ReplaceSortOrder().CaseSensitive(false);
                foreach (var (column, descending, nulls) in sortedBy)
                {
                    _ = descending ? replace.Desc(column, nulls) : replace.Asc(column, nulls);
                }

                order = replace.Bind(draft.CurrentSchema);
            }

            var metadata = TableMetadataBuilder.NewTableMetadata(draft.CurrentSchema, spec, order, location, tableProperties.Properties, formatVersion);
            await draftOps.CreateAsync(metadata, cancellationToken).ConfigureAwait(false);
            return draftOps;
        }
        catch (IcebergException e)
        {
            throw new SqlException(e.Kind == IcebergErrorKind.NotFound ? SqlErrorKind.Binder : SqlErrorKind.Execution, e.Message, e);
        }
    }

    private async Task<long> WriteAsync(TableOperations ops, LogicalOperator plan, Functions.FunctionContext functions, CancellationToken cancellationToken)
    {
        var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var schema = ArrowSchemaConverter.ToArrow(metadata.CurrentSchema);
        var physical = PhysicalPlanner.Create(plan);
        var context = NewQueryContext(functions, cancellationToken);
        await using var writer = ops.NewDataWriter();
        long rows = 0;
        await foreach (var chunk in physical.ExecuteAsync(context).ConfigureAwait(false))
        {
            await writer.WriteAsync(new RecordBatch(schema, chunk.Columns, chunk.Length), cancellationToken).ConfigureAwait(false);
            rows += chunk.Length;
        }

        var files = await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (files.Count > 0)
        {
            await ops.NewFastAppend().AppendAll(files).CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }
}
