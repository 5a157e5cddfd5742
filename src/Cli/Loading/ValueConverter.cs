using System.Globalization;
using System.Text.Json;
using Lakehouse.Table;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Cli.Loading;

/// <summary>
/// Converts input cells to the values Arrow builders take for a table column's type: text (CSV) and JSON values
/// (jsonl, and CSV cells of nested columns) to ints, longs, floats, doubles, unscaled decimals, days, microseconds
/// (nanoseconds), strings, Guids, bytes (base64), lists, maps and structs. A value that does not fit throws
/// <see cref="FormatException"/> with what was expected; the caller adds file, row and column.
/// </summary>
public static class ValueConverter
{
    public static object? FromText(string? text, IcebergType type)
    {
        if (text is null)
        {
            return null;
        }

        if (type is not PrimitiveType p)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new FormatException($"cannot read '{Shorten(text)}' as {type} (nested values are written as JSON): {e.Message}", e);
            }

            using (document)
            {
                return FromJson(document.RootElement, type);
            }
        }

        return Primitive(text, p);
    }

    public static object? FromJson(JsonElement value, IcebergType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (type)
        {
            case PrimitiveType p:
                return value.ValueKind switch
                {
                    JsonValueKind.String => Primitive(value.GetString()!, p),
                    JsonValueKind.True or JsonValueKind.False when p.TypeId == TypeId.Boolean => value.GetBoolean(),
                    JsonValueKind.Number when p.TypeId is TypeId.Int or TypeId.Long or TypeId.Float or TypeId.Double or TypeId.Decimal
                        or TypeId.Date or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs => Primitive(value.GetRawText(), p),
                    _ => throw new FormatException($"expected {p}, got JSON {Kind(value)} {Shorten(value.GetRawText())}"),
                };
            case StructType s:
                {
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        throw new FormatException($"expected a JSON object for {s}, got {Kind(value)}");
                    }

                    var result = new object?[s.Fields.Count];
                    foreach (var property in value.EnumerateObject())
                    {
                        var index = IndexOf(s, property.Name);
                        if (index < 0)
                        {
                            throw new FormatException($"struct field '{property.Name}' is not in {s}");
                        }

                        result[index] = Nested(property.Value, s.Fields[index], property.Name);
                    }

                    for (var i = 0; i < result.Length; i++)
                    {
                        if (result[i] is null && s.Fields[i].IsRequired)
                        {
                            throw new FormatException($"struct field '{s.Fields[i].Name}' is required");
                        }
                    }

                    return result;
                }

            case ListType l:
                {
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw new FormatException($"expected a JSON array for {l}, got {Kind(value)}");
                    }

                    var result = new List<object?>(value.GetArrayLength());
                    foreach (var item in value.EnumerateArray())
                    {
                        result.Add(Nested(item, l.ElementField, "element"));
                    }

                    return result;
                }

            case MapType m:
                {
                    var result = new List<KeyValuePair<object, object?>>();
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in value.EnumerateObject())
                        {
                            var key = m.KeyType is PrimitiveType kp ? Primitive(property.Name, kp) : throw new FormatException($"map keys of {m} cannot be JSON object keys");
                            result.Add(new(key!, Nested(property.Value, m.ValueField, "value")));
                        }
                    }
                    else if (value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var entry in value.EnumerateArray())
                        {
                            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("key", out var k))
                            {
                                throw new FormatException($"map entries are {{\"key\": …, \"value\": …}} objects");
                            }

                            var key = FromJson(k, m.KeyType) ?? throw new FormatException("map keys must not be null");
                            result.Add(new(key, entry.TryGetProperty("value", out var v) ? Nested(v, m.ValueField, "value") : null));
                        }
                    }
                    else
                    {
                        throw new FormatException($"expected a JSON object or array of entries for {m}, got {Kind(value)}");
                    }

                    return result;
                }

            default:
                throw new FormatException($"not supported: loading {type} values");
        }
    }

    private static object? Nested(JsonElement value, NestedField field, string name)
    {
        var converted = FromJson(value, field.Type);
        if (converted is null && field.IsRequired)
        {
            throw new FormatException($"'{name}' is required");
        }

        return converted;
    }

    private static object? Primitive(string text, PrimitiveType type)
    {
        switch (type.TypeId)
        {
            case TypeId.String:
                return text;
            case TypeId.Binary:
            case TypeId.Fixed:
                {
                    byte[] bytes;
                    try
                    {
                        bytes = Convert.FromBase64String(text);
                    }
                    catch (FormatException e)
                    {
                        throw new FormatException($"cannot read '{Shorten(text)}' as {type} (binary values are base64)", e);
                    }

                    return type.TypeId == TypeId.Fixed && bytes.Length != type.Length
                        ? throw new FormatException($"expected {type.Length} bytes for {type}, got {bytes.Length}")
                        : bytes;
                }

            case TypeId.Boolean:
                return text.Trim().ToLowerInvariant() switch
                {
                    "true" or "t" or "1" or "yes" => true,
                    "false" or "f" or "0" or "no" => false,
                    _ => throw new FormatException($"cannot read '{Shorten(text)}' as boolean"),
                };
            default:
                break;
        }

        object? result;
        try
        {
            var trimmed = text.Trim();
            result = type.TypeId is TypeId.Float or TypeId.Double && trimmed.Length > 0 && SpecialFloat(trimmed) is { } special
                ? (type.TypeId == TypeId.Float ? (float)special : special)
                : Literals.TryConvert(trimmed, type);
        }
        catch (IcebergException e)
        {
            throw new FormatException($"cannot read '{Shorten(text)}' as {type}: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new FormatException($"'{Shorten(text)}' is out of range for {type}", e);
        }

        return result ?? throw new FormatException($"cannot read '{Shorten(text)}' as {type}{Hint(type)}");
    }

    private static double? SpecialFloat(string text) => text.ToLowerInvariant() switch
    {
        "nan" => double.NaN,
        "inf" or "infinity" or "+inf" or "+infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static string Hint(PrimitiveType type) => type.TypeId switch
    {
        TypeId.Int => " (a whole number in -2147483648..2147483647)",
        TypeId.Long => " (a whole number)",
        TypeId.Decimal => $" (a number with at most {type.Scale} decimals that fits {type.Precision} digits)",
        TypeId.Date => " (YYYY-MM-DD)",
        TypeId.Time => " (HH:MM:SS[.ffffff])",
        TypeId.Timestamp or TypeId.TimestampNs => " (YYYY-MM-DDTHH:MM:SS[.ffffff])",
        TypeId.TimestampTz or TypeId.TimestampTzNs => " (YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM or Z)",
        TypeId.Uuid => " (8-4-4-4-12 hex digits)",
        _ => string.Empty,
    };

    private static int IndexOf(StructType s, string name)
    {
        for (var i = 0; i < s.Fields.Count; i++)
        {
            if (string.Equals(s.Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < s.Fields.Count; i++)
        {
            if (string.Equals(s.Fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
