using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>The results of the metadata commands (GetSqlInfo, GetCatalogs, GetDbSchemas, GetTables, …).</summary>
public sealed partial class FlightSqlServer
{
    private async Task<RecordBatch> MetadataAsync(Any command, FlightSqlSession session, CancellationToken cancellationToken)
    {
        try
        {
            var context = session.Context(cancellationToken);
            switch (CommandName(command))
            {
                case nameof(CommandGetSqlInfo):
                    return FlightSqlInfo.Build(_sqlInfo, Unpack<CommandGetSqlInfo>(command).Info);
                case nameof(CommandGetXdbcTypeInfo):
                {
                    var request = Unpack<CommandGetXdbcTypeInfo>(command);
                    return XdbcTypeInfo.Build(request.HasDataType ? request.DataType : null);
                }

                case nameof(CommandGetCatalogs):
                {
                    var builder = new RecordBatchBuilder(FlightSqlSchemas.GetCatalogs);
                    foreach (var catalog in await _backend.GetCatalogsAsync(context).ConfigureAwait(false))
                    {
                        builder.AppendRow(catalog);
                    }

                    return builder.Build();
                }

                case nameof(CommandGetDbSchemas):
                {
                    var request = Unpack<CommandGetDbSchemas>(command);
                    var pattern = request.HasDbSchemaFilterPattern ? new SqlLikePattern(request.DbSchemaFilterPattern) : null;
                    var builder = new RecordBatchBuilder(FlightSqlSchemas.GetDbSchemas);
                    foreach (var s in await _backend.GetDbSchemasAsync(context).ConfigureAwait(false))
                    {
                        if (CatalogMatches(request.HasCatalog ? request.Catalog : null, s.Catalog) && (pattern is null || pattern.IsMatch(s.Schema)))
                        {
                            builder.AppendRow(s.Catalog, s.Schema);
                        }
                    }

                    return builder.Build();
                }

                case nameof(CommandGetTables):
                    return await TablesAsync(Unpack<CommandGetTables>(command), context).ConfigureAwait(false);
                case nameof(CommandGetTableTypes):
                {
                    var builder = new RecordBatchBuilder(FlightSqlSchemas.GetTableTypes);
                    foreach (var type in _backend.TableTypes)
                    {
                        builder.AppendRow(type);
                    }

                    return builder.Build();
                }

                case nameof(CommandGetPrimaryKeys):
                    // Iceberg tables have no primary keys (identifier fields are not enforced keys).
                    return new RecordBatchBuilder(FlightSqlSchemas.GetPrimaryKeys).Build();
                case nameof(CommandGetImportedKeys) or nameof(CommandGetExportedKeys) or nameof(CommandGetCrossReference):
                    // ... nor foreign keys.
                    return new RecordBatchBuilder(FlightSqlSchemas.GetForeignKeys).Build();
                default:
                    throw new RpcException(StatusCode.InvalidArgument, $"not a metadata command: {command.TypeUrl}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ToRpc(e);
        }
    }

    private async Task<RecordBatch> TablesAsync(CommandGetTables request, FlightSqlContext context)
    {
        var schemaPattern = request.HasDbSchemaFilterPattern ? new SqlLikePattern(request.DbSchemaFilterPattern) : null;
        var tablePattern = request.HasTableNameFilterPattern ? new SqlLikePattern(request.TableNameFilterPattern) : null;
        var types = request.TableTypes.Count == 0 ? null : new HashSet<string>(request.TableTypes, StringComparer.OrdinalIgnoreCase);
        var builder = new RecordBatchBuilder(request.IncludeSchema ? FlightSqlSchemas.GetTablesWithSchema : FlightSqlSchemas.GetTables);
        foreach (var t in await _backend.GetTablesAsync(context).ConfigureAwait(false))
        {
            if (!CatalogMatches(request.HasCatalog ? request.Catalog : null, t.Catalog)
                || (schemaPattern is not null && !schemaPattern.IsMatch(t.DbSchema))
                || (tablePattern is not null && !tablePattern.IsMatch(t.Name))
                || (types is not null && !types.Contains(t.TableType)))
            {
                continue;
            }

            if (request.IncludeSchema)
            {
                builder.AppendRow(t.Catalog, t.DbSchema, t.Name, t.TableType, ArrowIpc.SerializeSchema(ColumnMetadata.Annotate(t)));
            }
            else
            {
                builder.AppendRow(t.Catalog, t.DbSchema, t.Name, t.TableType);
            }
        }

        return builder.Build();
    }

    /// <summary>An absent catalog matches all; an empty one matches tables without a catalog.</summary>
    private static bool CatalogMatches(string? requested, string? actual) =>
        requested is null || (requested.Length == 0 ? string.IsNullOrEmpty(actual) : string.Equals(requested, actual, StringComparison.Ordinal));
}
