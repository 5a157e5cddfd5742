using System.Globalization;
using System.Text.Json;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Export;

/// <summary>
/// JSON lines: one object per row keyed by column name. Booleans, integers, floating-point numbers and decimals
/// (exact digits) are JSON literals, NULL is <c>null</c>, arrays are arrays, rows and maps objects (map keys in
/// their varchar form); NaN and infinities, dates, times, timestamps, intervals, uuids and varbinary (hex) are
/// strings in their varchar form.
/// </summary>
public sealed class JsonLinesChunkWriter(Stream output, IReadOnlyList<PlanColumn> columns, FunctionContext context)
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    public void Write(DataChunk chunk)
    {
        using var writer = new Utf8JsonWriter(output, s_options);
        for (var r = 0; r < chunk.Length; r++)
        {
            writer.Reset(output);
            writer.WriteStartObject();
            for (var c = 0; c < columns.Count; c++)
            {
                writer.WritePropertyName(columns[c].Name);
                WriteValue(writer, ArrayFactory.GetValue(chunk.Columns[c], r, columns[c].Type), columns[c].Type);
            }

            writer.WriteEndObject();
            writer.Flush();
            output.Write(s_newLine);
        }
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, SqlType type)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case sbyte or short or int or long when type.IsInteger:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case SqlDecimal m:
                writer.WriteRawValue(m.ToString(), skipInputValidation: true);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case object?[] items when type.Kind == SqlTypeKind.Array:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, type.ElementType!);
                }

                writer.WriteEndArray();
                break;
            case object?[] fields when type.Kind == SqlTypeKind.Row:
                writer.WriteStartObject();
                for (var i = 0; i < fields.Length; i++)
                {
                    writer.WritePropertyName(type.Fields[i].Name ?? $"field{i}");
                    WriteValue(writer, fields[i], type.Fields[i].Type);
                }

                writer.WriteEndObject();
                break;
            case List<KeyValuePair<object?, object?>> pairs:
                writer.WriteStartObject();
                foreach (var pair in pairs)
                {
                    writer.WritePropertyName(pair.Key is null ? "null" : ValueConversions.Format(pair.Key, type.ElementType!, context));
                    WriteValue(writer, pair.Value, type.ValueType!);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(ValueConversions.Format(value, type, context));
                break;
        }
    }
}
