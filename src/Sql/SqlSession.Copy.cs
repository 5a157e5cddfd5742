using System.Globalization;
using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Writing;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Execution.Export;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>
/// <c>COPY (query) TO 'file'</c> and <c>COPY table TO 'file'</c> with options <c>(FORMAT parquet|csv|json,
/// HEADER true|false, DELIMITER ',', COMPRESSION zstd|snappy|gzip|none)</c>; the format defaults from the file
/// extension (.parquet, .csv, .jsonl/.ndjson/.json). Rows stream from the plan into the writer; the file appears
/// (atomically renamed from a temporary name beside it) only when every row was written. Returns the row count.
/// </summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult> ExecuteCopyAsync(Copy copy, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        var query = copy.Query ?? (Query)SqlParser.Parse("SELECT * FROM " + string.Join('.', copy.Table!.Parts.AsSpan().ToArray().Select(p => "\"" + p.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        var (format, header, delimiter, compression) = CopyOptions(copy);
        var functions = NewFunctionContext(cancellationToken);
        var (plan, names) = await PlanAsync(query, parameters, functions, cancellationToken).ConfigureAwait(false);
        var columns = plan.Columns.Select((c, i) => c with { Name = names[i] }).ToArray();
        var target = Path.GetFullPath(copy.Target);
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new SqlException(SqlErrorKind.Execution, $"COPY target directory \"{directory}\" does not exist");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var context = NewQueryContext(functions, cancellationToken);
        long rows = 0;
        try
        {
            var chunks = Execution.PhysicalPlanner.Create(plan).ExecuteAsync(context);
            switch (format)
            {
                case CopyFormat.Parquet:
                    {
                        var fields = columns.Select(c => new Field(c.Name, (c.Type.Kind == SqlTypeKind.Unknown ? SqlType.Varchar : c.Type).ArrowType, true)).ToArray();
                        var schema = new Schema(fields);
                        var writer = ParquetWriter.Create(temporary, schema, new ParquetWriteOptions { Compression = compression });
                        await using (writer.ConfigureAwait(false))
                        {
                            await foreach (var chunk in chunks.ConfigureAwait(false))
                            {
                                await writer.WriteAsync(new RecordBatch(schema, chunk.Columns, chunk.Length), cancellationToken).ConfigureAwait(false);
                                rows += chunk.Length;
                            }
                        }

                        break;
                    }

                case CopyFormat.Csv:
                    {
                        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                        await using (stream.ConfigureAwait(false))
                        {
                            var text = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
                            await using (text.ConfigureAwait(false))
                            {
                                var csv = new CsvChunkWriter(text, columns, delimiter, header, functions);
                                await foreach (var chunk in chunks.ConfigureAwait(false))
                                {
                                    csv.Write(chunk);
                                    rows += chunk.Length;
                                }
                            }
                        }

                        break;
                    }

                default:
                    {
                        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                        await using (stream.ConfigureAwait(false))
                        {
                            var json = new JsonLinesChunkWriter(stream, columns, functions);
                            await foreach (var chunk in chunks.ConfigureAwait(false))
                            {
                                json.Write(chunk);
                                rows += chunk.Length;
                            }
                        }

                        break;
                    }
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new SqlException(SqlErrorKind.Execution, $"COPY to \"{target}\" failed: {e.Message}", e);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new SqlResult(rows);
    }

    private static (CopyFormat Format, bool Header, char Delimiter, ParquetCompression Compression) CopyOptions(Copy copy)
    {
        CopyFormat? format = Path.GetExtension(copy.Target).ToLowerInvariant() switch
        {
            ".parquet" => CopyFormat.Parquet,
            ".csv" => CopyFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => CopyFormat.JsonLines,
            _ => null,
        };
        var header = true;
        var delimiter = ',';
        var compression = ParquetCompression.Zstd;
        foreach (var option in copy.Options)
        {
            var name = option.Name.Value.ToLowerInvariant();
            var value = option.Value switch
            {
                StringLiteral s => s.Value,
                BooleanLiteral b => b.Value ? "true" : "false",
                IntegerLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
                ColumnReference c => string.Join('.', c.Name.Parts.AsSpan().ToArray().Select(p => p.Value)),
                _ => throw new SqlException(SqlErrorKind.Binder, $"COPY option {name} needs a literal value"),
            };
            switch (name)
            {
                case "format":
                    format = value.ToLowerInvariant() switch
                    {
                        "parquet" => CopyFormat.Parquet,
                        "csv" => CopyFormat.Csv,
                        "json" or "jsonl" or "ndjson" => CopyFormat.JsonLines,
                        _ => throw new SqlException(SqlErrorKind.Binder, $"COPY format \"{value}\" is not supported (parquet, csv or json)"),
                    };
                    break;
                case "header":
                    header = value.ToLowerInvariant() switch
                    {
                        "true" or "1" => true,
                        "false" or "0" => false,
                        _ => throw new SqlException(SqlErrorKind.Binder, $"COPY option header must be true or false, not \"{value}\""),
                    };
                    break;
                case "delimiter" or "delim" or "sep":
                    delimiter = value.Length == 1 && value[0] is not ('"' or '\n' or '\r') ? value[0] : throw new SqlException(SqlErrorKind.Binder, $"COPY delimiter must be one character other than a quote or a line break, not \"{value}\"");
                    break;
                case "compression" or "codec":
                    compression = value.ToLowerInvariant() switch
                    {
                        "zstd" => ParquetCompression.Zstd,
                        "snappy" => ParquetCompression.Snappy,
                        "gzip" => ParquetCompression.Gzip,
                        "none" or "uncompressed" => ParquetCompression.None,
                        _ => throw new SqlException(SqlErrorKind.Binder, $"COPY compression \"{value}\" is not supported (zstd, snappy, gzip or none)"),
                    };
                    break;
                default:
                    throw new SqlException(SqlErrorKind.Binder, $"unknown COPY option \"{option.Name.Value}\" (format, header, delimiter, compression)");
            }
        }

        return (format ?? throw new SqlException(SqlErrorKind.Binder, $"COPY cannot tell the format of \"{copy.Target}\" from its extension: add (FORMAT parquet|csv|json)"), header, delimiter, compression);
    }
}
