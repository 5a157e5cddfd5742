using Lakehouse.Arrow;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Ddl;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;

namespace Lakehouse.Sql;

/// <summary>
/// ALTER TABLE over Iceberg (Trino's Iceberg connector): ADD/DROP/RENAME COLUMN through UpdateSchema (field ids are
/// kept; dropping a partition or sort source column is an error), RENAME TO through the catalog, SET PROPERTIES
/// through UpdatePartitionSpec/ReplaceSortOrder/UpdateProperties.
/// </summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult?> ExecuteAlterAsync(Statement statement, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case AddColumn add:
                {
                    if (await AlterTargetAsync(add.Table, add.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    var name = add.Column.Name.Value;
                    if (metadata.CurrentSchema.FindField(name, caseSensitive: false) is not null)
                    {
                        return add.ColumnIfNotExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{name}\" already exists in table \"{ops.Identifier}\"");
                    }

                    if (add.Column.NotNull)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot add NOT NULL column \"{name}\" to a table (existing rows have no value)");
                    }

                    var arrowType = StorageTypeForTable(SqlTypes.FromSyntax(add.Column.Type)).ArrowType;
                    var type = ArrowSchemaConverter.FromArrow(new Arrow.Schema([new Field(name, arrowType)]), assignIds: true).Fields[0].Type;
                    await CommitAlterAsync(ops.UpdateSchema().AddColumn(name, type, add.Column.Comment), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case DropColumn drop:
                {
                    if (await AlterTargetAsync(drop.Table, drop.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var column = ColumnPath(drop.Column);
                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    if (metadata.CurrentSchema.FindField(column, caseSensitive: false) is null)
                    {
                        return drop.ColumnIfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{column}\" does not exist in table \"{ops.Identifier}\"");
                    }

                    if (metadata.CurrentSchema.Fields.Count == 1 && metadata.CurrentSchema.Fields[0].Name.Equals(column, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot drop the only column of table \"{ops.Identifier}\"");
                    }

                    await CommitAlterAsync(ops.UpdateSchema().CaseSensitive(false).DeleteColumn(column), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case RenameColumn rename:
                {
                    if (await AlterTargetAsync(rename.Table, rename.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var column = ColumnPath(rename.Column);
                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    if (metadata.CurrentSchema.FindField(column, caseSensitive: false) is null)
                    {
                        return rename.ColumnIfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{column}\" does not exist in table \"{ops.Identifier}\"");
                    }

                    await CommitAlterAsync(ops.UpdateSchema().CaseSensitive(false).RenameColumn(column, rename.NewName.Value), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case RenameTable rename:
                {
                    var catalog = RequireCatalog("ALTER TABLE");
                    var from = Identify(rename.Name);
                    if (!await catalog.TableExistsAsync(from, cancellationToken).ConfigureAwait(false))
                    {
                        return rename.IfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"table \"{from}\" does not exist");
                    }

                    var to = Identify(rename.NewName);
                    if (await catalog.TableExistsAsync(to, cancellationToken).ConfigureAwait(false))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"table \"{to}\" already exists");
                    }

                    await Guard(() => catalog.RenameTableAsync(from, to, cancellationToken)).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case SetTableProperties set:
                {
                    if (await AlterTargetAsync(set.Table, false, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var properties = IcebergTableProperties.Parse(set.Properties);
                    if (properties.Location is not null)
                    {
                        throw new SqlException(SqlErrorKind.Binder, "table property \"location\" cannot be changed");
                    }

                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    if (properties.Partitioning is { } partitioning)
                    {
                        var update = ops.UpdateSpec().CaseSensitive(false);
                        var schema = metadata.CurrentSchema;
                        var wanted = partitioning.Select(p => (Id: schema.FindField(p.Column, caseSensitive: false)?.Id
                            ?? throw new SqlException(SqlErrorKind.Binder, $"partitioning column \"{p.Column}\" does not exist"), p.Column, p.Transform)).ToList();
                        foreach (var f in metadata.DefaultSpec.Fields)
                        {
                            if (!wanted.Any(w => w.Id == f.SourceId && w.Transform.Equals(f.Transform)))
                            {
                                update.RemoveField(f.Name);
                            }
                        }

                        foreach (var w in wanted)
                        {
                            if (!metadata.DefaultSpec.Fields.Any(f => f.SourceId == w.Id && f.Transform.Equals(w.Transform)))
                            {
                                update.AddField(w.Column, w.Transform);
                            }
                        }

                        await CommitAlterAsync(update, cancellationToken).ConfigureAwait(false);
                    }

                    if (properties.SortedBy is { } sortedBy)
                    {
                        var replace = ops.ReplaceSortOrder().CaseSensitive(false);
                        foreach (var (column, descending, nulls) in sortedBy)
                        {
                            _ = descending ? replace.Desc(column, nulls) : replace.Asc(column, nulls);
                        }

                        await CommitAlterAsync(replace, cancellationToken).ConfigureAwait(false);
                    }

                    if (properties.FormatVersion is not null || properties.Properties.Count > 0)
                    {
                        var update = ops.UpdateProperties();
                        foreach (var (key, value) in properties.Properties)
                        {
                            update.Set(key, value);
                        }

                        if (properties.FormatVersion is { } version)
                        {
                            update.Set(TableProperties.FormatVersion, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        }

                        await CommitAlterAsync(update, cancellationToken).ConfigureAwait(false);
                    }

                    return new SqlResult(0);
                }

            case ShowCreateTable show:
                return await ShowCreateTableAsync(show, cancellationToken).ConfigureAwait(false);

            default:
                return null;
        }
    }

    private async Task<TableOperations?> AlterTargetAsync(QualifiedName table, bool ifExists, CancellationToken cancellationToken)
    {
        var catalog = RequireCatalog("ALTER TABLE");
        var id = Identify(table);
        if (!await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return ifExists ? null : throw new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(table)}\" does not exist");
        }

        return new TableOperations(catalog, id);
    }

    private static string ColumnPath(QualifiedName column) => string.Join('.', column.Parts.AsSpan().ToArray().Select(p => p.Value));

    private static Task CommitAlterAsync(PendingUpdate update, CancellationToken cancellationToken) => Guard(() => update.CommitAsync(cancellationToken));

    private static async Task Guard(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (IcebergException e)
        {
            throw new SqlException(e.Kind is IcebergErrorKind.NotFound or IcebergErrorKind.Invalid ? SqlErrorKind.Binder : SqlErrorKind.Execution, e.Message, e);
        }
    }
}
