using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// The table property <c>schema.name-mapping.default</c>: fallback field ids for data files written without
/// them, looked up by the path of names in the file (e.g. ["location", "lat"]; list elements are "element",
/// map keys/values "key"/"value").
/// </summary>
public sealed class NameMapping : IEquatable<NameMapping>
{
    public const string DefaultPropertyKey = "schema.name-mapping.default";

    private Dictionary<int, MappedField>? _byId;

    public NameMapping(IReadOnlyList<MappedField> fields) => Fields = fields;

    public IReadOnlyList<MappedField> Fields { get; }

    /// <summary>The mapping of the field at <paramref name="names"/> (one name per nesting level), or null.</summary>
    public MappedField? Find(params ReadOnlySpan<string> names)
    {
        if (names.Length == 0)
        {
            return null;
        }

        var current = Find(Fields, names[0]);
        for (var i = 1; i < names.Length && current is not null; i++)
        {
            current = current.Child(names[i]);
        }

        return current;
    }

    /// <summary>The mapping that assigns <paramref name="fieldId"/>, or null.</summary>
    public MappedField? FindById(int fieldId)
    {
        if (_byId is null)
        {
            var map = new Dictionary<int, MappedField>();
            Index(Fields, map);
            _byId = map;
        }

        return _byId.GetValueOrDefault(fieldId);
    }

    public static NameMapping Parse(string json, string? source = null)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;

            // Tolerated: some writers wrap the list as {"type": "struct", "fields": [...]}.
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fields", out var wrapped))
            {
                root = wrapped;
            }

            return new NameMapping(ParseList(root, source, NameMapping.DefaultPropertyKey));
        }
        catch (JsonException ex)
        {
            throw IcebergException.InvalidMetadata(source, $"properties.{DefaultPropertyKey}", "is not valid JSON: " + ex.Message, ex);
        }
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options()))
        {
            WriteList(w, Fields);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public bool Equals(NameMapping? other) => other is not null && other.Fields.SequenceEqual(Fields);

    public override bool Equals(object? obj) => obj is NameMapping m && Equals(m);

    public override int GetHashCode() => Fields.Count;

    private static MappedField? Find(IReadOnlyList<MappedField> fields, string name)
    {
        foreach (var f in fields)
        {
            foreach (var n in f.Names)
            {
                if (string.Equals(n, name, StringComparison.Ordinal))
                {
                    return f;
                }
            }
        }

        return null;
    }

    private static void Index(IReadOnlyList<MappedField> fields, Dictionary<int, MappedField> map)
    {
        foreach (var f in fields)
        {
            if (f.FieldId is { } id)
            {
                map.TryAdd(id, f);
            }

            Index(f.Fields, map);
        }
    }

    private static List<MappedField> ParseList(JsonElement array, string? source, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw IcebergException.InvalidMetadata(source, path, "must be a list of field mappings");
        }

        var result = new List<MappedField>();
        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            var p = $"{path}[{i++}]";
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw IcebergException.InvalidMetadata(source, p, "must be an object");
            }

            int? id = null;
            if (e.TryGetProperty("field-id", out var idEl) && idEl.ValueKind != JsonValueKind.Null)
            {
                id = idEl.ValueKind == JsonValueKind.Number && idEl.TryGetInt32(out var v) ? v : throw IcebergException.InvalidMetadata(source, p + ".field-id", "must be a 32-bit integer");
            }

            var names = new List<string>();
            if (e.TryGetProperty("names", out var namesEl))
            {
                if (namesEl.ValueKind != JsonValueKind.Array)
                {
                    throw IcebergException.InvalidMetadata(source, p + ".names", "must be a list of strings");
                }

                foreach (var n in namesEl.EnumerateArray())
                {
                    names.Add(n.ValueKind == JsonValueKind.String ? n.GetString()! : throw IcebergException.InvalidMetadata(source, p + ".names", "must be a list of strings"));
                }
            }
            else
            {
                throw IcebergException.InvalidMetadata(source, p + ".names", "is missing");
            }

            var children = e.TryGetProperty("fields", out var fieldsEl) && fieldsEl.ValueKind != JsonValueKind.Null
                ? ParseList(fieldsEl, source, p + ".fields")
                : null;
            result.Add(new MappedField(id, names, children));
        }

        return result;
    }

    private static void WriteList(Utf8JsonWriter w, IReadOnlyList<MappedField> fields)
    {
        w.WriteStartArray();
        foreach (var f in fields)
        {
            w.WriteStartObject();
            if (f.FieldId is { } id)
            {
                w.WriteNumber("field-id", id);
            }

            w.WriteStartArray("names");
            foreach (var n in f.Names)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
            if (f.Fields.Count > 0)
            {
                w.WritePropertyName("fields");
                WriteList(w, f.Fields);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
