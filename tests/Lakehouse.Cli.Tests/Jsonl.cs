using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Cli.Output;

namespace Lakehouse.Cli.Tests;

/// <summary>Formats batches with the real writers and splits the result into lines.</summary>
internal static class Jsonl
{
    public static string[] Lines(params RecordBatch[] batches) =>
        RowWriter.Format(OutputFormat.Jsonl, batches).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The JSON text of <paramref name="column"/> in every row (re-serialized from the parsed object, so
    /// it also proves each line is valid JSON with the expected keys).</summary>
    public static string[] Column(RecordBatch batch, string column)
    {
        var lines = Lines(batch);
        var result = new string[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            result[i] = doc.RootElement.GetProperty(column).GetRawText();
        }

        return result;
    }

    public static string[] Single(ArrayData data, Field? field = null) =>
        Column(field is null ? ArrayFactory.Batch(("c", data)) : ArrayFactory.Batch((field, data)), field?.Name ?? "c");
}
