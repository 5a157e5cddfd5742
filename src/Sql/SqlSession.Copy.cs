using Lakehouse.Arrow;
using Lakehouse.Parquet.Writing;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Execution.Copy;
using Lakehouse.Sql.Optimizer;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>
/// <c>COPY table|(query) TO 'file' [WITH (format = parquet|csv|json, header = true, delimiter = ',', compression = …)]</c>:
/// streams the query's batches into one local file (Parquet through our writer, CSV per RFC 4180, JSON lines) and
/// returns the row count. The format defaults from the extension (.parquet, .csv, .json/.jsonl/.ndjson).
/// </summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult> ExecuteCopyAsync(Parsing.Ast.Copy copy, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        string? format = null;
        var header = true;
        var delimiter = ',';
        var compression = ParquetCompression.Snappy;
        foreach (var option in copy.Options)
        {
            var name = option.Name.Value.ToLowerInvariant();
            var value = OptionText(option);
            switch (name)
            {
                case "format":
                    format = value.ToLowerInvariant();
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
                    delimiter = value.Length == 1 ? value[0] : throw new SqlException(SqlErrorKind.Binder, $"COPY delimiter must be one character, not \"{value}\"");
                    break;
                case "compression" or "codec":
                    compression = value.ToLowerInvariant() switch
                    {
                        "none" or "uncompressed" => ParquetCompression.None,
                        "snappy" => ParquetCompression.Snappy,
                        "gzip" => ParquetCompression.Gzip,
                        "zstd" => ParquetCompression.Zstd,
                        _ => throw new SqlException(SqlErrorKind.Binder, $"COPY compression \"{value}\" is not one of none, snappy, gzip, zstd"),
                    };
                    break;
                default:
                    throw new SqlException(SqlErrorKind.Binder, $"COPY option \"{name}\" does not exist (known: format, header, delimiter, compression)");
            }
        }

        format ??= Path.GetExtension(copy.Target).ToLowerInvariant() switch
        {
            ".parquet" => "parquet",
            ".csv" => "csv",
            ".json" or ".jsonl" or ".ndjson" => "json",
            _ => throw new SqlException(SqlErrorKind.Binder, $"COPY cannot tell the format of \"{copy.Target}\": give WITH (format = parquet|csv|json)"),
        };
        if (format is "jsonl" or "ndjson")
        {
            format = "json";
        }

        if (format is not ("parquet" or "csv" or "json"))
        {
            throw new SqlException(SqlErrorKind.Binder, $"COPY format \"{format}\" is not one of parquet, csv, json");
        }

        if (compression != ParquetCompression.Snappy && format != "parquet")
        {
            throw new SqlException(SqlErrorKind.NotImplemented, $"not supported: compression of {format} output");
        }

        var query = copy.Query ?? ((Query)SqlParser.Parse("SELECT * FROM " + string.Join('.', copy.Table!.Parts.AsSpan().ToArray().Select(p => "\"" + p.Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))));
        var functions = NewFunctionContext(cancellationToken);
        var (plan, names) = await PlanAsync(query, parameters, functions, cancellationToken).ConfigureAwait(false);
        var types = plan.Columns.Select(c => c.Type.Kind == SqlTypeKind.Unknown ? SqlType.Varchar : c.Type).ToArray();
        if (format != "parquet")
        {
            var casts = plan.Columns.Select((c, i) => (BoundExpression)new BoundCast(new BoundColumn(i, c.Type, c.Name), SqlType.Varchar, IsTry: false)).ToArray();
            plan = PlanOptimizer.Optimize(new LogicalProject(plan, casts, [.. names]));
        }

        var physical = PhysicalPlanner.Create(plan);
        var context = NewQueryContext(functions, cancellationToken);
        var full = Path.GetFullPath(copy.Target);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new SqlException(SqlErrorKind.Execution, $"COPY cannot write \"{copy.Target}\": directory \"{directory}\" does not exist");
        }

        long rows = 0;
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                if (format == "parquet")
                {
                    var schema = new Schema([.. names.Select((n, i) => new Field(n, types[i].ArrowType))]);
                    await using var writer = new ParquetWriter(stream, schema, new ParquetWriteOptions { Compression = compression }, leaveOpen: true);
                    await foreach (var chunk in physical.ExecuteAsync(context).ConfigureAwait(false))
                    {
                        await writer.WriteAsync(new RecordBatch(schema, chunk.Columns, chunk.Length), cancellationToken).ConfigureAwait(false);
                        rows += chunk.Length;
                    }
                }
                else
                {
                    var raw = types.Select(t => t.IsNumeric || t.Kind == SqlTypeKind.Boolean).ToArray();
                    var writer = new TextRowWriter(stream, format == "json", delimiter, names, raw);
                    if (format == "csv" && header)
                    {
                        await writer.WriteHeaderAsync(names, cancellationToken).ConfigureAwait(false);
                    }

                    await foreach (var chunk in physical.ExecuteAsync(context).ConfigureAwait(false))
                    {
                        await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                        rows += chunk.Length;
                    }
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        return new SqlResult(rows);
    }

    private static string OptionText(Property option) => option.Value switch
    {
        StringLiteral s => s.Value,
        BooleanLiteral b => b.Value ? "true" : "false",
        IntegerLiteral i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ColumnReference { Name.Parts.Count: 1 } c => c.Name.Parts[0].Value,
        _ => throw new SqlException(SqlErrorKind.Binder, $"COPY option \"{option.Name.Value}\" needs a literal value"),
    };
}
