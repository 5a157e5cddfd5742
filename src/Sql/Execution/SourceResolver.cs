using System.Globalization;
using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Sources;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.MetadataTables;

namespace Lakehouse.Sql.Execution;

/// <summary>
/// Opens every table and table function a statement names before binding (I/O is async; binding is not):
/// footers of read_parquet files, Iceberg metadata of iceberg_scan paths and catalog tables (with time travel).
/// </summary>
internal static class SourceResolver
{
    public static async Task ResolveAsync(Node statement, BinderContext context, ICatalog? catalog, FunctionContext functions, CancellationToken cancellationToken)
    {
        foreach (var node in SyntaxTree.DescendantsAndSelf(statement))
        {
            switch (node)
            {
                case TableFunctionRelation f:
                    {
                        var key = SourceKeys.ForFunction(f);
                        if (context.Sources.ContainsKey(key) || context.SourceErrors.ContainsKey(key))
                        {
                            continue;
                        }

                        try
                        {
                            context.Sources[key] = await OpenFunctionAsync(f, functions, cancellationToken).ConfigureAwait(false);
                        }
                        catch (SqlException e)
                        {
                            context.SourceErrors[key] = e;
                        }
                        catch (Exception e) when (e is IOException or IcebergException or UnauthorizedAccessException or Arrow.CorruptFileException or InvalidDataException or NotSupportedException)
                        {
                            context.SourceErrors[key] = new SqlException(SqlErrorKind.Execution, $"{Scope.Display(f.Name)}: {e.Message}", e);
                        }

                        break;
                    }

                case TableReference t:
                    {
                        var key = SourceKeys.ForTable(t, context.Catalog, context.Schema);
                        if (context.Sources.ContainsKey(key) || context.SourceErrors.ContainsKey(key))
                        {
                            continue;
                        }

                        if (catalog is null)
                        {
                            context.SourceErrors[key] = new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(t.Name)}\" does not exist (no catalog is configured; read files with read_parquet('glob') or iceberg_scan('path'))");
                            continue;
                        }

                        try
                        {
                            var (_, schema, name) = SourceKeys.Qualify(t.Name, context.Catalog, context.Schema);

                            // Trino's metadata tables: "events$snapshots", "events$files"...
                            MetadataTableType? metadataTable = null;
                            var dollar = name.LastIndexOf('$');
                            if (dollar > 0)
                            {
                                var suffix = name[(dollar + 1)..];
                                metadataTable = MetadataTables.TryParse(suffix, out var kind)
                                    ? kind
                                    : throw new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(t.Name)}\" does not exist: unknown metadata table \"{suffix}\" (snapshots, history, refs, manifests, all_manifests, entries, files, data_files, delete_files, partitions, properties, metadata_log_entries)");
                                name = name[..dollar];
                            }

                            var id = new TableIdentifier(Namespace.Parse(schema), name);
                            if (!await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
                            {
                                context.SourceErrors[key] = new SqlException(SqlErrorKind.Binder, $"table \"{Scope.Display(t.Name)}\" does not exist");
                                continue;
                            }

                            var table = await catalog.LoadTableAsync(id, cancellationToken).ConfigureAwait(false);
                            long? snapshot = t.Version is null ? null : SnapshotOf(table, t.Version.Kind, t.Version.Value, functions);
                            context.Sources[key] = metadataTable is { } metadataKind
                                ? new MetadataTableScanSource(table, metadataKind, snapshot, $"{schema}.{name}${MetadataTables.NameOf(metadataKind)}")
                                : new IcebergScanSource(table, snapshot, $"{schema}.{name}");
                        }
                        catch (SqlException e)
                        {
                            context.SourceErrors[key] = e;
                        }
                        catch (Exception e) when (e is IOException or IcebergException or UnauthorizedAccessException or InvalidDataException)
                        {
                            context.SourceErrors[key] = new SqlException(SqlErrorKind.Execution, $"table \"{Scope.Display(t.Name)}\": {e.Message}", e);
                        }

                        break;
                    }
            }
        }
    }

    private static async Task<Planning.ScanSource> OpenFunctionAsync(TableFunctionRelation f, FunctionContext functions, CancellationToken cancellationToken)
    {
        var name = Scope.Display(f.Name).ToLowerInvariant();
        var args = f.Arguments.AsSpan().ToArray();
        string Path()
        {
            if (args.Length == 0 || args[0].Name is not null || args[0].Value is not StringLiteral s)
            {
                throw new SqlException(SqlErrorKind.Binder, $"{name} needs a path as its first argument (a string literal)");
            }

            return s.Value;
        }

        switch (name)
        {
            case "read_parquet" or "parquet_scan":
                return await ParquetScanSource.OpenAsync(Path(), cancellationToken).ConfigureAwait(false);
            case "iceberg_scan":
                {
                    var path = Path();
                    var table = IcebergTable.Load(path);
                    long? snapshot = null;
                    foreach (var a in args.Skip(1))
                    {
                        var argName = a.Name?.Value.ToLowerInvariant();
                        snapshot = argName switch
                        {
                            "version" or "snapshot_id" or "snapshot" => SnapshotOf(table, TableVersionKind.Version, a.Value, functions),
                            "timestamp" or "as_of" => SnapshotOf(table, TableVersionKind.Timestamp, a.Value, functions),
                            _ => throw new SqlException(SqlErrorKind.Binder, $"iceberg_scan has no argument \"{a.Name?.Value ?? "(positional)"}\"; use version => id or timestamp => TIMESTAMP '…'"),
                        };
                    }

                    return new IcebergScanSource(table, snapshot, $"iceberg_scan('{path}')");
                }

            case "read_csv" or "read_csv_auto":
                return CsvScanSource.Open(Path(), TextSourceOptions.Parse(name, args.Skip(1), csv: true), functions);
            case "read_json" or "read_json_auto" or "read_ndjson":
                return JsonLinesScanSource.Open(Path(), TextSourceOptions.Parse(name, args.Skip(1), csv: false), functions);
            default:
                throw new SqlException(SqlErrorKind.Binder, $"table function \"{name}\" does not exist; available: read_parquet('glob'), read_csv('glob'), read_json('glob'), iceberg_scan('path')");
        }
    }

    private static long SnapshotOf(IcebergTable table, TableVersionKind kind, Expression value, FunctionContext functions)
    {
        if (kind == TableVersionKind.Version)
        {
            return value switch
            {
                IntegerLiteral i => table.Metadata.Snapshots.Any(s => s.SnapshotId == i.Value) ? i.Value : throw new SqlException(SqlErrorKind.Binder, $"snapshot {i.Value} does not exist"),
                StringLiteral s => table.NewScan().UseRef(s.Value).Snapshot?.SnapshotId ?? throw new SqlException(SqlErrorKind.Binder, $"reference \"{s.Value}\" does not exist"),
                _ => throw new SqlException(SqlErrorKind.Binder, "FOR VERSION AS OF needs a snapshot id (integer) or a branch/tag name (string)"),
            };
        }

        var text = value switch
        {
            TypedLiteral t => t.Value,
            StringLiteral s => s.Value,
            _ => throw new SqlException(SqlErrorKind.Binder, "FOR TIMESTAMP AS OF needs a timestamp literal"),
        };
        var instant = (DateTimeOffset)ValueConversions.Parse(text, SqlType.TimestampWithTimeZone, functions);
        try
        {
            var snapshot = table.NewScan().AsOfTime(instant.ToUnixTimeMilliseconds()).Snapshot;
            return snapshot?.SnapshotId ?? throw new SqlException(SqlErrorKind.Binder, $"no snapshot of the table exists at or before {instant.ToString("O", CultureInfo.InvariantCulture)}");
        }
        catch (IcebergException e)
        {
            throw new SqlException(SqlErrorKind.Binder, e.Message);
        }
    }
}
