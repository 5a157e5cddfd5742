using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Lakehouse.Table;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.MetadataTables;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse iceberg inspect|cat|files|snapshots TABLE</c>: read Iceberg tables. TABLE is a table folder
/// (the newest metadata file is found) or a metadata JSON path (optionally gzip-compressed).
/// </summary>
public static class IcebergCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("iceberg", "Read Iceberg tables (a table folder or a metadata JSON path).");
        command.Subcommands.Add(CreateInspect(context));
        command.Subcommands.Add(CreateCat(context));
        command.Subcommands.Add(CreateFiles(context));
        command.Subcommands.Add(CreateSnapshots(context));
        command.Subcommands.Add(CreateMetadata(context));
        return command;
    }

    private static Argument<string> TableArgument() => new("TABLE")
    {
        Description = "A table folder (its newest metadata file is used) or a *.metadata.json path.",
    };

    private static Command CreateInspect(CliContext context)
    {
        var table = TableArgument();
        var command = new Command("inspect", "Describe a table: format version, schema with field ids, partition specs, sort orders, snapshots, refs, file and row counts.")
        {
            table,
        };
        command.SetAction(parse =>
        {
            var t = Load(parse.GetValue(table)!);
            context.Console.Out.Write(Describe(t));
            context.Console.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCat(CliContext context)
    {
        var table = TableArgument();
        var snapshot = new Option<long?>("--snapshot") { Description = "Read this snapshot id (time travel).", HelpName = "ID" };
        var asOf = new Option<string?>("--as-of") { Description = "Read the snapshot current at this time (ISO-8601, e.g. 2024-05-01T12:00:00Z, or epoch milliseconds).", HelpName = "TIMESTAMP" };
        var reference = new Option<string?>("--ref") { Description = "Read the head of this branch or tag.", HelpName = "NAME" };
        var columns = new Option<string?>("--columns", "-c") { Description = "Comma-separated columns to read (default: all).", HelpName = "a,b,…" };
        var format = new FormatOption();
        var command = new Command("cat", "Print the live rows of a table (deletes applied).")
        {
            table,
            snapshot,
            asOf,
            reference,
            columns,
            format.Option,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var t = Load(parse.GetValue(table)!);
            var scan = t.NewScan();
            var chosen = 0;
            if (parse.GetValue(snapshot) is { } id)
            {
                scan = scan.UseSnapshot(id);
                chosen++;
            }

            if (parse.GetValue(asOf) is { } when)
            {
                scan = scan.AsOfTime(ParseTimestampMs(when));
                chosen++;
            }

            if (parse.GetValue(reference) is { } name)
            {
                scan = scan.UseRef(name);
                chosen++;
            }

            if (chosen > 1)
            {
                throw new CliUsageException("use only one of --snapshot, --as-of and --ref");
            }

            if (parse.GetValue(columns) is { } list)
            {
                scan = scan.Select(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            using var writer = FormatOption.CreateWriter(format.Resolve(parse, context.Console), context.Console);
            writer.Begin(Table.Types.ArrowSchemaConverter.ToArrow(scan.ProjectedSchema));
            await foreach (var batch in scan.ToBatchesAsync(cancellationToken).ConfigureAwait(false))
            {
                writer.Write(batch);
            }

            writer.Complete();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateFiles(CliContext context) =>
        CreateMetadataTableCommand(context, "files", MetadataTableType.Files, "List the live data and delete files of the current snapshot (the files metadata table).");

    private static Command CreateSnapshots(CliContext context) =>
        CreateMetadataTableCommand(context, "snapshots", MetadataTableType.Snapshots, "List the table's snapshots (the snapshots metadata table).");

    private static Command CreateMetadataTableCommand(CliContext context, string name, MetadataTableType kind, string description)
    {
        var table = TableArgument();
        var snapshot = new Option<long?>("--snapshot") { Description = "Read the files of this snapshot id instead of the current one.", HelpName = "ID" };
        var format = new FormatOption();
        var command = new Command(name, description)
        {
            table,
            snapshot,
            format.Option,
        };
        command.SetAction(parse =>
        {
            WriteMetadataTable(context, format.Resolve(parse, context.Console), Load(parse.GetValue(table)!), kind, parse.GetValue(snapshot));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateMetadata(CliContext context)
    {
        var table = TableArgument();
        var names = string.Join(", ", Enum.GetValues<MetadataTableType>().Select(MetadataTables.NameOf));
        var kind = new Argument<string>("NAME") { Description = "The metadata table: " + names + "." };
        var snapshot = new Option<long?>("--snapshot") { Description = "For manifests, entries, files and partitions: read this snapshot id instead of the current one.", HelpName = "ID" };
        var format = new FormatOption();
        var command = new Command("metadata", "Print a metadata table (the columns Trino shows for \"t$NAME\"; see spec/iceberg.md).")
        {
            table,
            kind,
            snapshot,
            format.Option,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(kind)!;
            if (!MetadataTables.TryParse(name, out var k))
            {
                throw new CliUsageException($"unknown metadata table '{name}' (one of {names})");
            }

            WriteMetadataTable(context, format.Resolve(parse, context.Console), Load(parse.GetValue(table)!), k, parse.GetValue(snapshot));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteMetadataTable(CliContext context, OutputFormat format, IcebergTable table, MetadataTableType kind, long? snapshotId)
    {
        var data = MetadataTables.Read(table, kind, snapshotId);
        using var writer = FormatOption.CreateWriter(format, context.Console);
        writer.Begin(data.Schema);
        foreach (var batch in data.Batches)
        {
            writer.Write(batch);
        }

        writer.Complete();
    }

    private static IcebergTable Load(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException("table not found", path);
        }

        return IcebergTable.Load(path);
    }

    internal static void WriteRows(CliContext context, OutputFormat format, RecordBatch batch)
    {
        using var writer = FormatOption.CreateWriter(format, context.Console);
        writer.Begin(batch.Schema);
        writer.Write(batch);
        writer.Complete();
    }

    internal static string Describe(IcebergTable table)
    {
        var m = table.Metadata;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"metadata: {table.MetadataPath}\n");
        sb.Append(inv, $"format-version: {m.FormatVersion}\n");
        sb.Append(inv, $"table-uuid: {m.TableUuid}\n");
        sb.Append(inv, $"location: {m.Location}\n");
        sb.Append(inv, $"last-updated: {DateTimeOffset.FromUnixTimeMilliseconds(m.LastUpdatedMs).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\n");
        sb.Append(inv, $"current {m.CurrentSchema}\n");
        foreach (var field in m.CurrentSchema.Struct.Fields)
        {
            sb.Append(inv, $"  {field.Id}: {field.Name} {field.Type}{(field.IsRequired ? " required" : string.Empty)}\n");
        }

        foreach (var spec in m.PartitionSpecs)
        {
            sb.Append(inv, $"{spec}{(spec.SpecId == m.DefaultSpecId ? " (default)" : string.Empty)}\n");
        }

        foreach (var order in m.SortOrders)
        {
            sb.Append(inv, $"{order}{(order.OrderId == m.DefaultSortOrderId ? " (default)" : string.Empty)}\n");
        }

        sb.Append(inv, $"snapshots: {m.Snapshots.Count}, current: {(m.CurrentSnapshotId is { } c ? c.ToString(inv) : "none")}\n");
        foreach (var (name, r) in m.Refs)
        {
            sb.Append(inv, $"ref {name}: {(r.IsBranch ? "branch" : "tag")} -> {r.SnapshotId}\n");
        }

        if (m.CurrentSnapshot is { } current)
        {
            long dataFiles = 0, deleteFiles = 0, rows = 0, bytes = 0;
            foreach (var manifest in table.ReadManifestList(current))
            {
                foreach (var entry in table.ReadManifest(manifest))
                {
                    if (entry.Status == ManifestEntryStatus.Deleted)
                    {
                        continue;
                    }

                    if (entry.DataFile.Content == FileContent.Data)
                    {
                        dataFiles++;
                        rows += entry.DataFile.RecordCount;
                    }
                    else
                    {
                        deleteFiles++;
                    }

                    bytes += entry.DataFile.FileSizeInBytes;
                }
            }

            sb.Append(inv, $"current snapshot: {dataFiles} data files, {deleteFiles} delete files, {rows} rows before deletes, {bytes} bytes\n");
        }

        foreach (var (key, value) in m.Properties)
        {
            sb.Append(inv, $"property {key} = {value}\n");
        }

        return sb.ToString();
    }

    internal static long ParseTimestampMs(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return ms;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t.ToUnixTimeMilliseconds();
        }

        throw new CliUsageException($"--as-of: '{text}' is neither an ISO-8601 timestamp nor epoch milliseconds");
    }

}
