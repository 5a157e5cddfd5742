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
using Lakehouse.Table.Scanning;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse iceberg inspect|cat|files|snapshots TABLE</c>: read Iceberg tables. TABLE is a table folder
/// (the newest metadata file is found) or a metadata JSON path (optionally gzip-compressed).
/// </summary>
public static class IcebergCommand
{
    private static readonly Schema s_snapshotsSchema = new(
    [
        new Field("committed_at", new TimestampType(TimeUnit.Millisecond, "UTC"), false),
        new Field("snapshot_id", ArrowType.Int64, false),
        new Field("parent_id", ArrowType.Int64),
        new Field("sequence_number", ArrowType.Int64, false),
        new Field("operation", ArrowType.Utf8),
        new Field("manifest_list", ArrowType.Utf8),
        new Field("summary", ArrowType.Utf8),
    ]);

    private static readonly Schema s_filesSchema = new(
    [
        new Field("content", ArrowType.Utf8, false),
        new Field("file_path", ArrowType.Utf8, false),
        new Field("file_format", ArrowType.Utf8, false),
        new Field("spec_id", ArrowType.Int32, false),
        new Field("partition", ArrowType.Utf8),
        new Field("record_count", ArrowType.Int64, false),
        new Field("file_size_in_bytes", ArrowType.Int64, false),
    ]);

    public static Command Create(CliContext context)
    {
        var command = new Command("iceberg", "Read Iceberg tables (a table folder or a metadata JSON path).");
        command.Subcommands.Add(CreateInspect(context));
        command.Subcommands.Add(CreateCat(context));
        command.Subcommands.Add(CreateFiles(context));
        command.Subcommands.Add(CreateSnapshots(context));
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

    private static Command CreateFiles(CliContext context)
    {
        var table = TableArgument();
        var format = new FormatOption();
        var command = new Command("files", "List the live data and delete files of the current snapshot (the files metadata table).")
        {
            table,
            format.Option,
        };
        command.SetAction(parse =>
        {
            var t = Load(parse.GetValue(table)!);
            var builder = new RecordBatchBuilder(s_filesSchema);
            if (t.Metadata.CurrentSnapshot is { } current)
            {
                foreach (var manifest in t.ReadManifestList(current))
                {
                    foreach (var entry in t.ReadManifest(manifest))
                    {
                        if (entry.Status == ManifestEntryStatus.Deleted)
                        {
                            continue;
                        }

                        var f = entry.DataFile;
                        builder.AppendRow(ContentName(f.Content), f.FilePath, f.FileFormat, f.SpecId, PartitionText(f.Partition), f.RecordCount, f.FileSizeInBytes);
                    }
                }
            }

            WriteRows(context, format.Resolve(parse, context.Console), builder.Build());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSnapshots(CliContext context)
    {
        var table = TableArgument();
        var format = new FormatOption();
        var command = new Command("snapshots", "List the table's snapshots (the snapshots metadata table).")
        {
            table,
            format.Option,
        };
        command.SetAction(parse =>
        {
            var t = Load(parse.GetValue(table)!);
            var builder = new RecordBatchBuilder(s_snapshotsSchema);
            foreach (var s in t.Metadata.Snapshots)
            {
                builder.AppendRow(s.TimestampMs, s.SnapshotId, s.ParentSnapshotId, s.SequenceNumber, s.Operation, s.ManifestList, SummaryJson(s.Summary));
            }

            WriteRows(context, format.Resolve(parse, context.Console), builder.Build());
            return ExitCodes.Success;
        });
        return command;
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

    private static string ContentName(FileContent content) => content switch
    {
        FileContent.Data => "data",
        FileContent.PositionDeletes => "position_deletes",
        _ => "equality_deletes",
    };

    private static string? PartitionText(IReadOnlyList<object?> partition)
    {
        if (partition.Count == 0)
        {
            return null;
        }

        var parts = new string[partition.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = partition[i] switch
            {
                null => "null",
                byte[] b => Convert.ToHexStringLower(b),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "null",
            };
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    private static string SummaryJson(IReadOnlyDictionary<string, string> summary)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (key, value) in summary)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
