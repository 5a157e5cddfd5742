using System.Buffers;
using System.Text;
using System.Text.Json;
using Lakehouse.Sql.Functions.Strings;

namespace Lakehouse.Sql.Functions.Json;

/// <summary>
/// JSON functions on UTF-8 text with Utf8JsonReader (no document per row). Invalid JSON gives NULL in the
/// extract functions (as Trino) and an error in json_parse. JSON results are compact text (insignificant
/// whitespace removed, key order and number spelling kept).
/// </summary>
public static class JsonFunctions
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 1000 };

    /// <summary>json_extract_scalar: appends the scalar at the path as text; false (NULL) for objects, arrays, JSON null, a miss or invalid JSON.</summary>
    public static bool ExtractScalar(ReadOnlySpan<byte> json, JsonPath path, Utf8ColumnWriter output)
    {
        if (path.HasWildcard)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json, s_options);
            if (!Navigate(ref reader, path))
            {
                return false;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    WriteUnescaped(ref reader, output);
                    return true;
                case JsonTokenType.Number:
                    output.Write(reader.ValueSpan);
                    return true;
                case JsonTokenType.True:
                    output.Write("true"u8);
                    return true;
                case JsonTokenType.False:
                    output.Write("false"u8);
                    return true;
                default:
                    return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>json_extract: appends the JSON value at the path (compact); with wildcards, a JSON array of all matches. False (NULL) on a miss or invalid JSON.</summary>
    public static bool Extract(ReadOnlySpan<byte> json, JsonPath path, Utf8ColumnWriter output)
    {
        try
        {
            if (path.HasWildcard)
            {
                var mark = output.PendingLength;
                output.Write((byte)'[');
                var count = 0;
                var reader = new Utf8JsonReader(json, s_options);
                if (!reader.Read())
                {
                    return false;
                }

                CollectAll(ref reader, json, path, 0, output, ref count);
                if (count == 0)
                {
                    output.TruncatePending(mark);
                    return false;
                }

                output.Write((byte)']');
                return true;
            }

            var r = new Utf8JsonReader(json, s_options);
            if (!Navigate(ref r, path))
            {
                return false;
            }

            WriteCurrentValue(ref r, json, output);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>json_parse: validates and appends the compact text; invalid JSON is an error as in Trino.</summary>
    public static void Parse(ReadOnlySpan<byte> text, Utf8ColumnWriter output)
    {
        try
        {
            var reader = new Utf8JsonReader(text, s_options);
            if (!reader.Read())
            {
                throw CannotConvert(text);
            }

            WriteCurrentValue(ref reader, text, output);
            if (reader.Read())
            {
                throw CannotConvert(text);
            }
        }
        catch (JsonException)
        {
            throw CannotConvert(text);
        }
    }

    /// <summary>True when <paramref name="text"/> is one valid JSON value (is_json_scalar-style validation).</summary>
    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text, s_options);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>json_array_length: element count; null when the value is not an array or not valid JSON.</summary>
    public static long? ArrayLength(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, s_options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            long count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
                count++;
            }

            return count;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>json_size(json, path): elements of an array or object at the path, 0 for scalars, null on a miss.</summary>
    public static long? Size(ReadOnlySpan<byte> json, JsonPath path)
    {
        try
        {
            var reader = new Utf8JsonReader(json, s_options);
            if (path.HasWildcard || !Navigate(ref reader, path))
            {
                return null;
            }

            if (reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            {
                return 0;
            }

            var end = reader.TokenType == JsonTokenType.StartArray ? JsonTokenType.EndArray : JsonTokenType.EndObject;
            long count = 0;
            while (reader.Read() && reader.TokenType != end)
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                }

                reader.Skip();
                count++;
            }

            return count;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>json_array_contains(json, value) for a varchar value: null when not an array.</summary>
    public static bool? ArrayContainsString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> value) =>
        ArrayContains(json, static (ref Utf8JsonReader r, ReadOnlySpan<byte> v) => r.TokenType == JsonTokenType.String && r.ValueTextEquals(v), value);

    /// <summary>json_array_contains(json, value) for a boolean value.</summary>
    public static bool? ArrayContainsBoolean(ReadOnlySpan<byte> json, bool value) =>
        ArrayContains(json, value ? static (ref Utf8JsonReader r, ReadOnlySpan<byte> _) => r.TokenType == JsonTokenType.True
            : static (ref Utf8JsonReader r, ReadOnlySpan<byte> _) => r.TokenType == JsonTokenType.False, default);

    /// <summary>json_array_contains(json, value) for a bigint value (integral JSON numbers only).</summary>
    public static bool? ArrayContainsInt64(ReadOnlySpan<byte> json, long value)
    {
        Span<byte> text = stackalloc byte[24];
        value.TryFormat(text, out var n, default, System.Globalization.CultureInfo.InvariantCulture);
        return ArrayContains(json, static (ref Utf8JsonReader r, ReadOnlySpan<byte> v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var x) && long.Parse(v, provider: System.Globalization.CultureInfo.InvariantCulture) == x, text[..n]);
    }

    /// <summary>json_array_contains(json, value) for a double value.</summary>
    public static bool? ArrayContainsDouble(ReadOnlySpan<byte> json, double value)
    {
        Span<byte> bits = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bits, value);
        return ArrayContains(json, static (ref Utf8JsonReader r, ReadOnlySpan<byte> v) =>
            r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var x) && x == System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(v), bits);
    }

    private delegate bool ElementPredicate(ref Utf8JsonReader reader, ReadOnlySpan<byte> value);

    private static bool? ArrayContains(ReadOnlySpan<byte> json, ElementPredicate predicate, ReadOnlySpan<byte> value)
    {
        try
        {
            var reader = new Utf8JsonReader(json, s_options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (predicate(ref reader, value))
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Moves the reader to the value at the path (no wildcards); false on a miss.</summary>
    private static bool Navigate(ref Utf8JsonReader reader, JsonPath path)
    {
        if (!reader.Read())
        {
            return false;
        }

        foreach (var segment in path.Segments)
        {
            if (segment.Key is { } key)
            {
                if (reader.TokenType != JsonTokenType.StartObject || !FindProperty(ref reader, key))
                {
                    return false;
                }
            }
            else
            {
                if (reader.TokenType != JsonTokenType.StartArray || !FindElement(ref reader, segment.Index))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool FindProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> key)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(key);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool FindElement(ref Utf8JsonReader reader, int index)
    {
        var i = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (i++ == index)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>Visits the value the reader is on and leaves the reader on that value's last token.</summary>
    private static void CollectAll(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonPath path, int depth, Utf8ColumnWriter output, ref int count)
    {
        var startDepth = reader.CurrentDepth;
        var container = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray;
        CollectCore(ref reader, json, path, depth, output, ref count);
        while (container && !(reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == startDepth))
        {
            if (!reader.Read())
            {
                break;
            }
        }
    }

    private static void CollectCore(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, JsonPath path, int depth, Utf8ColumnWriter output, ref int count)
    {
        if (depth == path.Segments.Count)
        {
            if (count++ > 0)
            {
                output.Write((byte)',');
            }

            WriteCurrentValue(ref reader, json, output);
            return;
        }

        var segment = path.Segments[depth];
        if (segment.IsWildcard)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                    CollectAll(ref reader, json, path, depth + 1, output, ref count);
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    CollectAll(ref reader, json, path, depth + 1, output, ref count);
                }
            }

            return;
        }

        if (segment.Key is { } key)
        {
            if (reader.TokenType == JsonTokenType.StartObject && FindProperty(ref reader, key))
            {
                CollectAll(ref reader, json, path, depth + 1, output, ref count);
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray && FindElement(ref reader, segment.Index))
        {
            CollectAll(ref reader, json, path, depth + 1, output, ref count);
        }
    }

    /// <summary>Appends the value the reader is on as compact JSON and leaves the reader at its last token.</summary>
    private static void WriteCurrentValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8ColumnWriter output)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        var end = (int)reader.BytesConsumed;
        Compact(json[start..end], output);
    }

    /// <summary>Copies valid JSON text without whitespace outside strings.</summary>
    public static void Compact(ReadOnlySpan<byte> json, Utf8ColumnWriter output)
    {
        var span = output.GetSpan(json.Length);
        var n = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                span[n++] = b;
                if (b == '\\' && i + 1 < json.Length)
                {
                    span[n++] = json[++i];
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else
            {
                inString = b == '"';
                span[n++] = b;
            }
        }

        output.Advance(n);
    }

    private static void WriteUnescaped(ref Utf8JsonReader reader, Utf8ColumnWriter output)
    {
        if (!reader.ValueIsEscaped)
        {
            output.Write(reader.ValueSpan);
            return;
        }

        var span = output.GetSpan(reader.ValueSpan.Length);
        output.Advance(reader.CopyString(span));
    }

    private static SqlException CannotConvert(ReadOnlySpan<byte> text)
    {
        var s = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 200)]);
        return FunctionErrors.InvalidArgument($"Cannot convert value to JSON: '{s}'");
    }
}
