using System.CommandLine;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Operations;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse table create|list|describe|drop</c>: tables of a warehouse's catalog (<see cref="WarehouseOptions"/>).
/// TABLE is <c>namespace.name</c> (levels joined with '.'); a bare name is in the namespace <c>default</c>.
/// </summary>
public static class TableCommand
{
    private static readonly Schema s_listSchema = new(
    [
        new Field("namespace", ArrowType.Utf8, false),
        new Field("table", ArrowType.Utf8, false),
        new Field("metadata_location", ArrowType.Utf8),
    ]);

    public static Command Create(CliContext context)
    {
        var command = new Command("table", "Create, list, describe and drop tables of a warehouse's catalog.");
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateDescribe(context));
        command.Subcommands.Add(CreateDrop(context));
        return command;
    }

    internal static Argument<string> TableArgument() => new("TABLE")
    {
        Description = "The table: namespace.name (a bare name is in the namespace 'default').",
    };

    private static Command CreateCreate(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableArgument();
        var schema = new Option<string>("--schema", "-s")
        {
            Description = "Columns: 'name type [not null], …' (Iceberg types: boolean int long float double decimal(P,S) date time timestamp timestamptz string uuid binary fixed[N] list<T> map<K,V> struct<a: T, …>).",
            HelpName = "COLUMNS",
            Required = true,
        };
        var partitionBy = new Option<string?>("--partition-by", "-p")
        {
            Description = "Partition fields: col, year(col), month(col), day(col), hour(col), bucket(N, col), truncate(W, col), comma-separated.",
            HelpName = "FIELDS",
        };
        var sortBy = new Option<string?>("--sort-by")
        {
            Description = "Sort order: col or transform(col) [asc|desc] [nulls first|last], comma-separated.",
            HelpName = "FIELDS",
        };
        var location = new Option<string?>("--location") { Description = "Table location (default: {warehouse}/{namespace…}/{table}).", HelpName = "LOCATION" };
        var properties = new Option<string[]>("--property") { Description = "A table property key=value (repeatable).", HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };
        var ifNotExists = new Option<bool>("--if-not-exists") { Description = "Succeed without change when the table exists." };
        var command = new Command("create", "Create an empty format v2 table (the namespace is created when missing).")
        {
            table,
            schema,
            partitionBy,
            sortBy,
            location,
            properties,
            ifNotExists,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            var icebergSchema = TableDefinition.ParseSchema(parse.GetValue(schema)!);
            var spec = TableDefinition.ParsePartitionSpec(parse.GetValue(partitionBy), icebergSchema);
            var order = TableDefinition.ParseSortOrder(parse.GetValue(sortBy), icebergSchema);
            var props = TableDefinition.ParseProperties(parse.GetValue(properties));
            await using var catalog = warehouse.Open(parse);
            if (parse.GetValue(ifNotExists) && await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
            {
                context.Console.Out.WriteLine($"table {id} exists");
                return ExitCodes.Success;
            }

            if (!await catalog.NamespaceExistsAsync(id.Namespace, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await catalog.CreateNamespaceAsync(id.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (IcebergException e) when (e.Kind == IcebergErrorKind.AlreadyExists)
                {
                    // Created by a concurrent command.
                }
            }

            var ops = await TableOperations.CreateTableAsync(catalog, id, icebergSchema, spec, order, parse.GetValue(location), props, cancellationToken: cancellationToken).ConfigureAwait(false);
            context.Console.Out.WriteLine($"created table {id} at {ops.Current!.Location}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var ns = new Argument<string?>("NAMESPACE") { Description = "List only this namespace (default: every namespace).", Arity = ArgumentArity.ZeroOrOne };
        var format = new FormatOption();
        var command = new Command("list", "List the tables of the catalog: namespace, table, metadata location.")
        {
            ns,
            format.Option,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var catalog = warehouse.Open(parse);
            var builder = new RecordBatchBuilder(s_listSchema);
            var pending = new Queue<Namespace>();
            if (parse.GetValue(ns) is { Length: > 0 } only)
            {
                pending.Enqueue(Namespace.Parse(only));
            }
            else
            {
                foreach (var top in await catalog.ListNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    pending.Enqueue(top);
                }
            }

            var recursive = parse.GetValue(ns) is not { Length: > 0 };
            while (pending.TryDequeue(out var current))
            {
                foreach (var id in await catalog.ListTablesAsync(current, cancellationToken).ConfigureAwait(false))
                {
                    builder.AppendRow(current.ToString(), id.Name, await catalog.TryLoadMetadataLocationAsync(id, cancellationToken).ConfigureAwait(false));
                }

                if (recursive)
                {
                    foreach (var child in await catalog.ListNamespacesAsync(current, cancellationToken).ConfigureAwait(false))
                    {
                        pending.Enqueue(child);
                    }
                }
            }

            IcebergCommand.WriteRows(context, format.Resolve(parse, context.Console), builder.Build());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDescribe(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableArgument();
        var command = new Command("describe", "Describe a catalog table: schema with field ids, partitioning, sort order, snapshots, refs, file and row counts.")
        {
            table,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            await using var catalog = warehouse.Open(parse);
            var loaded = await catalog.LoadTableAsync(id, cancellationToken).ConfigureAwait(false);
            await loaded.PrefetchManifestsAsync(loaded.Metadata.CurrentSnapshot, cancellationToken).ConfigureAwait(false);
            context.Console.Out.Write($"table: {id}\n");
            context.Console.Out.Write(IcebergCommand.Describe(loaded));
            context.Console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDrop(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableArgument();
        var purge = new Option<bool>("--purge") { Description = "Also delete every file under the table's location (data, manifests, metadata)." };
        var ifExists = new Option<bool>("--if-exists") { Description = "Succeed when the table does not exist." };
        var command = new Command("drop", "Remove a table from the catalog (its files stay unless --purge).")
        {
            table,
            purge,
            ifExists,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            await using var catalog = warehouse.Open(parse);
            IcebergTable? loaded = null;
            if (parse.GetValue(purge) && await catalog.TryLoadMetadataLocationAsync(id, cancellationToken).ConfigureAwait(false) is not null)
            {
                loaded = await catalog.LoadTableAsync(id, cancellationToken).ConfigureAwait(false);
            }

            if (!await catalog.DropTableAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (parse.GetValue(ifExists))
                {
                    context.Console.Out.WriteLine($"table {id} does not exist");
                    return ExitCodes.Success;
                }

                throw new IcebergException(IcebergErrorKind.NotFound, $"table does not exist: {id}");
            }

            var deleted = 0;
            if (loaded is not null)
            {
                var files = new List<string>();
                await foreach (var entry in catalog.FileIO.ListPrefixAsync(loaded.Metadata.Location.TrimEnd('/') + "/", cancellationToken).ConfigureAwait(false))
                {
                    files.Add(entry.Location);
                }

                foreach (var file in files)
                {
                    await catalog.FileIO.DeleteFileAsync(file, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
            }

            context.Console.Out.WriteLine(loaded is null ? $"dropped table {id}" : $"dropped table {id} and deleted {deleted} files under {loaded.Metadata.Location}");
            return ExitCodes.Success;
        });
        return command;
    }
}
