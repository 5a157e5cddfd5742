using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;

namespace Lakehouse.Sql;

/// <summary>
/// ALTER TABLE over Iceberg schema evolution: ADD COLUMN [IF NOT EXISTS], DROP COLUMN [IF EXISTS], RENAME COLUMN,
/// RENAME TO and SET PROPERTIES. Each statement is one metadata commit; columns keep their field ids, so data files
/// written before a rename or drop read correctly afterwards.
/// </summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult?> ExecuteAlterAsync(Statement statement, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case AddColumn add:
                {
                    if (await AlterTargetAsync("ALTER TABLE ADD COLUMN", add.Table, add.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    var name = add.Column.Name.Value;
                    if (metadata.CurrentSchema.FindField(name, caseSensitive: false) is not null)
                    {
                        return add.ColumnIfNotExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{name}\" already exists in table \"{Scope.Display(add.Table)}\"");
                    }

                    if (add.Column.NotNull)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot add NOT NULL column \"{name}\": rows already in the table would have no value for it");
                    }

                    foreach (var p in add.Column.Properties)
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, $"column property \"{p.Name.Value}\" is not supported");
                    }

                    var sqlType = StorageTypeForTable(SqlTypes.FromSyntax(add.Column.Type));
                    var icebergType = ArrowSchemaConverter.FromArrow(new Arrow.Schema([new Field(name, sqlType.ArrowType, true)]), assignIds: true).Fields[0].Type;
                    await CommitAlterAsync(ops.UpdateSchema().AddColumn(name, icebergType, add.Column.Comment), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case DropColumn drop:
                {
                    if (await AlterTargetAsync("ALTER TABLE DROP COLUMN", drop.Table, drop.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var name = await ExistingColumnAsync(ops, drop.Column, cancellationToken).ConfigureAwait(false);
                    if (name is null)
                    {
                        return drop.ColumnIfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{Scope.Display(drop.Column)}\" does not exist in table \"{Scope.Display(drop.Table)}\"");
                    }

                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    var field = metadata.CurrentSchema.FindField(name)!;
                    if (metadata.PartitionSpecs.Any(s => s.Fields.Any(f => f.SourceId == field.Id)))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot drop column \"{name}\": it is a partition source column");
                    }

                    if (metadata.CurrentSchema.Fields.Count == 1 && metadata.CurrentSchema.Fields[0].Id == field.Id)
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot drop column \"{name}\": it is the only column of table \"{Scope.Display(drop.Table)}\"");
                    }

                    await CommitAlterAsync(ops.UpdateSchema().DeleteColumn(name), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case RenameColumn rename:
                {
                    if (await AlterTargetAsync("ALTER TABLE RENAME COLUMN", rename.Table, rename.TableIfExists, cancellationToken).ConfigureAwait(false) is not { } ops)
                    {
                        return new SqlResult(0);
                    }

                    var name = await ExistingColumnAsync(ops, rename.Column, cancellationToken).ConfigureAwait(false);
                    if (name is null)
                    {
                        return rename.ColumnIfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"column \"{Scope.Display(rename.Column)}\" does not exist in table \"{Scope.Display(rename.Table)}\"");
                    }

                    var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
                    var newName = rename.NewName.Value;
                    if (metadata.CurrentSchema.FindField(newName, caseSensitive: false) is not null && !string.Equals(newName, name, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot rename column \"{name}\" to \"{newName}\": a column with that name already exists");
                    }

                    await CommitAlterAsync(ops.UpdateSchema().RenameColumn(name, newName), cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            case RenameTable rename:
                {
                    var catalog = RequireCatalog("ALTER TABLE RENAME TO");
                    var from = Identify(rename.Name);
                    if (!await catalog.TableExistsAsync(from, cancellationToken).ConfigureAwait(false))
                    {
                        return rename.IfExists ? new SqlResult(0) : throw new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(rename.Name)}\" does not exist");
                    }

                    var to = Identify(rename.NewName);
                    if (await catalog.TableExistsAsync(to, cancellationToken).ConfigureAwait(false))
                    {
                        throw new SqlException(SqlErrorKind.Binder, $"cannot rename table \"{from}\" to \"{to}\": that table already exists");
                    }

                    try
                    {
                        await catalog.RenameTableAsync(from, to, cancellationToken).ConfigureAwait(false);
                    }
                    catch (IcebergException e)
                    {
                        throw new SqlException(SqlErrorKind.Execution, e.Message, e);
                    }

                    return new SqlResult(0);
                }

            case SetTableProperties set:
                {
                    var ops = await AlterTargetAsync("ALTER TABLE SET PROPERTIES", set.Table, false, cancellationToken).ConfigureAwait(false);
                    var update = ops!.UpdateProperties();
                    foreach (var p in set.Properties)
                    {
                        var key = p.Name.Value;
                        switch (p.Value)
                        {
                            case NullLiteral:
                                update.Remove(key);
                                break;
                            case StringLiteral text:
                                update.Set(key, text.Value);
                                break;
                            case IntegerLiteral number:
                                update.Set(key, number.Value.ToString(CultureInfo.InvariantCulture));
                                break;
                            case DecimalLiteral number:
                                update.Set(key, number.Value);
                                break;
                            case BooleanLiteral flag:
                                update.Set(key, flag.Value ? "true" : "false");
                                break;
                            default:
                                throw new SqlException(SqlErrorKind.Binder, $"table property \"{key}\" needs a literal value (string, number, boolean or NULL to remove it)");
                        }
                    }

                    await CommitAlterAsync(update, cancellationToken).ConfigureAwait(false);
                    return new SqlResult(0);
                }

            default:
                return null;
        }
    }

    /// <summary>The table's operations, or null when it does not exist and IF EXISTS was given.</summary>
    private async Task<TableOperations?> AlterTargetAsync(string what, QualifiedName table, bool ifExists, CancellationToken cancellationToken)
    {
        var catalog = RequireCatalog(what);
        var id = Identify(table);
        if (!await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return ifExists ? null : throw new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(table)}\" does not exist");
        }

        return new TableOperations(catalog, id);
    }

    /// <summary>The schema's spelling of a (case-insensitively named) top-level or nested column, or null.</summary>
    private static async Task<string?> ExistingColumnAsync(TableOperations ops, QualifiedName column, CancellationToken cancellationToken)
    {
        var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var name = string.Join('.', column.Parts.AsSpan().ToArray().Select(p => p.Value));
        return metadata.CurrentSchema.FindField(name, caseSensitive: false) is { } field ? metadata.CurrentSchema.FindColumnName(field.Id) : null;
    }

    private static async Task CommitAlterAsync(PendingUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            await update.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IcebergException e)
        {
            throw new SqlException(SqlErrorKind.Execution, e.Message, e);
        }
    }
}
