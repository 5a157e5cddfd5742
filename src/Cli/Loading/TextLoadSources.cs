using System.Runtime.CompilerServices;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Execution.Sources;

namespace Lakehouse.Cli.Loading;

/// <summary>CSV (with a header row) and JSON-lines inputs, converted cell by cell to the table's column types.</summary>
public static class TextLoadSources
{
    public static async IAsyncEnumerable<RecordBatch> ReadCsvAsync(string path, LoadTarget target, char delimiter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(text, delimiter);
        var fields = new List<string?>();
        if (!TryRead(reader, fields, path, out _))
        {
            yield break;
        }

        var names = fields.Select((f, i) => f ?? throw LoadTarget.Fail(path, 1, null, $"header field {i + 1} is empty")).ToList();
        var columns = target.MapColumns(names, path);
        target.RequireColumns(columns, path);
        var builder = target.NewBuilder();
        var row = new object?[target.Fields.Count];
        while (TryRead(reader, fields, path, out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fields.Count == 1 && fields[0] is null && columns.Length > 1)
            {
                continue; // blank line
            }

            if (fields.Count != columns.Length)
            {
                throw LoadTarget.Fail(path, line, null, $"has {fields.Count} fields, the header has {columns.Length}");
            }

            Array.Clear(row);
            for (var i = 0; i < columns.Length; i++)
            {
                var field = target.Fields[columns[i]];
                try
                {
                    row[columns[i]] = ValueConverter.FromText(fields[i], field.Type);
                }
                catch (FormatException e)
                {
                    throw LoadTarget.Fail(path, line, field.Name, e.Message, e);
                }
            }

            Append(builder, target, row, path, line);
            if (builder.Length >= LoadTarget.BatchRows)
            {
                yield return builder.Build();
                builder = target.NewBuilder();
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        if (builder.Length > 0)
        {
            yield return builder.Build();
        }
    }

    public static async IAsyncEnumerable<RecordBatch> ReadJsonLinesAsync(string path, LoadTarget target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var builder = target.NewBuilder();
        var row = new object?[target.Fields.Count];
        long line = 0;
        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } content)
        {
            line++;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException e)
            {
                throw LoadTarget.Fail(path, line, null, $"is not valid JSON: {e.Message}", e);
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw LoadTarget.Fail(path, line, null, $"is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, expected an object");
                }

                Array.Clear(row);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var column = target.ColumnOf(property.Name);
                    if (column < 0)
                    {
                        throw LoadTarget.Fail(path, line, property.Name, $"is not a column of the table (columns: {string.Join(", ", target.Fields.Select(f => f.Name))})");
                    }

                    try
                    {
                        row[column] = ValueConverter.FromJson(property.Value, target.Fields[column].Type);
                    }
                    catch (FormatException e)
                    {
                        throw LoadTarget.Fail(path, line, target.Fields[column].Name, e.Message, e);
                    }
                }
            }

            Append(builder, target, row, path, line);
            if (builder.Length >= LoadTarget.BatchRows)
            {
                yield return builder.Build();
                builder = target.NewBuilder();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.Build();
        }
    }

    private static bool TryRead(CsvRecordReader reader, List<string?> fields, string path, out long line)
    {
        try
        {
            return reader.TryRead(fields, out line);
        }
        catch (FormatException e)
        {
            throw LoadTarget.Fail(path, null, null, e.Message, e);
        }
    }

    private static void Append(RecordBatchBuilder builder, LoadTarget target, object?[] row, string path, long line)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is null && target.Fields[i].IsRequired)
            {
                // Nothing is appended for this row yet, so the builder stays consistent.
                throw LoadTarget.Fail(path, line, target.Fields[i].Name, "is required but the value is missing or null");
            }
        }

        try
        {
            builder.AppendRow(row);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or OverflowException)
        {
            throw LoadTarget.Fail(path, line, null, $"cannot be stored: {e.Message}", e);
        }
    }
}
