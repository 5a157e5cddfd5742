using System.CommandLine;
using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Cli.Loading;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Operations;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// <c>lakehouse load TABLE FILE…</c>: appends Parquet, CSV (header row) and JSON-lines files to a catalog table in one
/// snapshot, converting every value to the table's column types. A value that does not convert stops the load with
/// one line naming the file, row and column; nothing is committed then (data files already written are deleted).
/// </summary>
public static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var warehouse = new WarehouseOptions();
        var table = TableCommand.TableArgument();
        var files = new Argument<string[]>("FILE")
        {
            Description = "Input files: *.parquet, *.csv (*.tsv), *.jsonl (*.ndjson, *.json: one object per line).",
            Arity = ArgumentArity.OneOrMore,
        };
        var inputFormat = new Option<string?>("--input-format")
        {
            Description = "Read every file as this format instead of going by the file extension.",
            HelpName = "parquet|csv|jsonl",
        };
        inputFormat.AcceptOnlyFromAmong("parquet", "csv", "jsonl");
        var delimiter = new Option<string?>("--delimiter") { Description = "CSV field delimiter (default ',', '\\t' for *.tsv).", HelpName = "CHAR" };
        var command = new Command("load", "Append Parquet, CSV or JSON-lines files to a table (one snapshot for all files).")
        {
            table,
            files,
            inputFormat,
            delimiter,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = WarehouseOptions.ParseTable(parse.GetValue(table)!);
            var paths = parse.GetValue(files)!;
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("input file not found", path);
                }
            }

            await using var catalog = warehouse.Open(parse);
            var ops = new TableOperations(catalog, id);
            var metadata = await ops.RefreshAsync(cancellationToken).ConfigureAwait(false);
            var target = new LoadTarget(metadata.CurrentSchema);
            var writer = ops.NewDataWriter();
            IReadOnlyList<DataFile> written = [];
            try
            {
                await using (writer.ConfigureAwait(false))
                {
                    foreach (var path in paths)
                    {
                        await foreach (var batch in Read(path, parse.GetValue(inputFormat), parse.GetValue(delimiter), target, cancellationToken).ConfigureAwait(false))
                        {
                            await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    written = await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                }

                if (writer.RowCount == 0)
                {
                    context.Console.Out.WriteLine($"no rows in {paths.Length} file(s); {id} unchanged");
                    return ExitCodes.Success;
                }

                var committed = await ops.NewFastAppend().AppendAll(written).CommitAsync(cancellationToken).ConfigureAwait(false);
                var snapshot = committed.CurrentSnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "?";
                context.Console.Out.WriteLine($"loaded {writer.RowCount} rows from {paths.Length} file(s) into {id}: snapshot {snapshot}, {written.Count} data file(s)");
                return ExitCodes.Success;
            }
            catch
            {
                // The table never referenced these files; remove them rather than leave orphans.
                foreach (var file in written)
                {
                    try
                    {
                        await catalog.FileIO.DeleteFileAsync(file.FilePath, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (IOException)
                    {
                        // remove-orphans will find it.
                    }
                }

                throw;
            }
        });
        return command;
    }

    private static IAsyncEnumerable<RecordBatch> Read(string path, string? format, string? delimiter, LoadTarget target, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        format ??= extension switch
        {
            ".parquet" or ".parq" => "parquet",
            ".csv" or ".tsv" or ".txt" => "csv",
            ".jsonl" or ".ndjson" or ".json" => "jsonl",
            _ => throw new CliUsageException($"cannot tell the format of {path} from its extension: use --input-format parquet|csv|jsonl"),
        };
        return format switch
        {
            "parquet" => ParquetLoadSource.ReadAsync(path, target, cancellationToken),
            "csv" => TextLoadSources.ReadCsvAsync(path, target, Delimiter(delimiter, extension), cancellationToken),
            _ => TextLoadSources.ReadJsonLinesAsync(path, target, cancellationToken),
        };
    }

    private static char Delimiter(string? text, string extension) => text switch
    {
        null => extension == ".tsv" ? '\t' : ',',
        "\\t" or "tab" => '\t',
        { Length: 1 } => text[0],
        _ => throw new CliUsageException($"--delimiter must be one character, got '{text}'"),
    };
}
