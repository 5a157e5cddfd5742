using System.Buffers;
using System.Text;
using System.Text.Json;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Metadata;

/// <summary>Appendix C JSON for schemas and types (also stored in manifest key-value metadata).</summary>
public static class SchemaParser
{
    public static Schema FromJson(string json, string? source = null)
    {
        using var doc = ParseDocument(json, source);
        return Read(doc.RootElement, new JsonPath(source, "schema"));
    }

    public static string ToJson(Schema schema)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options()))
        {
            Write(w, schema);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, Schema schema)
    {
        w.WriteStartObject();
        w.WriteString("type", "struct");
        w.WriteNumber("schema-id", schema.SchemaId);
        if (schema.IdentifierFieldIds.Count > 0)
        {
            w.WriteStartArray("identifier-field-ids");
            foreach (var id in schema.IdentifierFieldIds)
            {
                w.WriteNumberValue(id);
            }

            w.WriteEndArray();
        }

        WriteFields(w, schema.Fields);
        w.WriteEndObject();
    }

    public static void WriteType(Utf8JsonWriter w, IcebergType type)
    {
        switch (type)
        {
            case PrimitiveType p:
                w.WriteStringValue(p.ToString());
                break;
            case StructType s:
                w.WriteStartObject();
                w.WriteString("type", "struct");
                WriteFields(w, s.Fields);
                w.WriteEndObject();
                break;
            case ListType l:
                w.WriteStartObject();
                w.WriteString("type", "list");
                w.WriteNumber("element-id", l.ElementId);
                w.WritePropertyName("element");
                WriteType(w, l.ElementType);
                w.WriteBoolean("element-required", l.ElementRequired);
                w.WriteEndObject();
                break;
            case MapType m:
                w.WriteStartObject();
                w.WriteString("type", "map");
                w.WriteNumber("key-id", m.KeyId);
                w.WritePropertyName("key");
                WriteType(w, m.KeyType);
                w.WriteNumber("value-id", m.ValueId);
                w.WritePropertyName("value");
                WriteType(w, m.ValueType);
                w.WriteBoolean("value-required", m.ValueRequired);
                w.WriteEndObject();
                break;
            default:
                throw IcebergException.Invalid($"cannot serialize type {type}");
        }
    }

    internal static JsonDocument ParseDocument(string json, string? source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw IcebergException.Invalid($"{source ?? "JSON"} is not valid JSON: {ex.Message}", ex);
        }
    }

    internal static Schema Read(JsonElement obj, JsonPath path)
    {
        path.ExpectObject(obj);
        var type = ReadType(obj, path);
        if (type is not StructType s)
        {
            throw path.Child("type").Error("must be \"struct\" for a schema");
        }

        var schemaId = path.OptionalInt(obj, "schema-id") ?? 0;
        IReadOnlyList<int>? identifiers = JsonPath.TryGet(obj, "identifier-field-ids", out var ids) ? path.IntList(ids, "identifier-field-ids") : null;
        return new Schema(schemaId, s.Fields, identifiers);
    }

    internal static IcebergType ReadType(JsonElement e, JsonPath path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            try
            {
                return PrimitiveType.Parse(e.GetString()!);
            }
            catch (IcebergException ex)
            {
                throw path.Error(ex.Message);
            }
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("must be a type string or object");
        }

        var kind = path.RequiredString(e, "type");
        switch (kind)
        {
            case "struct":
                {
                    var fieldsPath = path.Child("fields");
                    var array = path.RequiredArray(e, "fields");
                    var fields = new List<NestedField>();
                    var i = 0;
                    foreach (var f in array.EnumerateArray())
                    {
                        fields.Add(ReadField(f, fieldsPath.Index(i++)));
                    }

                    return new StructType(fields);
                }

            case "list":
                {
                    var id = path.RequiredInt(e, "element-id");
                    var element = ReadType(path.Required(e, "element"), path.Child("element"));
                    return new ListType(id, element, path.RequiredBool(e, "element-required"));
                }

            case "map":
                {
                    var keyId = path.RequiredInt(e, "key-id");
                    var key = ReadType(path.Required(e, "key"), path.Child("key"));
                    var valueId = path.RequiredInt(e, "value-id");
                    var value = ReadType(path.Required(e, "value"), path.Child("value"));
                    return new MapType(keyId, key, valueId, value, path.RequiredBool(e, "value-required"));
                }

            default:
                throw path.Child("type").Error($"has unknown nested type '{kind}'");
        }
    }

    private static NestedField ReadField(JsonElement f, JsonPath path)
    {
        path.ExpectObject(f);
        var id = path.RequiredInt(f, "id");
        var name = path.RequiredString(f, "name");
        var required = path.RequiredBool(f, "required");
        var type = ReadType(path.Required(f, "type"), path.Child("type"));
        var doc = path.OptionalString(f, "doc");
        var initial = ReadDefault(f, "initial-default", type, path);
        var write = ReadDefault(f, "write-default", type, path);
        return new NestedField(id, name, type, required, doc, initial, write);
    }

    private static object? ReadDefault(JsonElement f, string name, IcebergType type, JsonPath path)
    {
        if (!JsonPath.TryGet(f, name, out var e))
        {
            return null;
        }

        try
        {
            return SingleValueJson.Read(e, type);
        }
        catch (IcebergException ex)
        {
            throw path.Child(name).Error(ex.Message);
        }
    }

    private static void WriteFields(Utf8JsonWriter w, IReadOnlyList<NestedField> fields)
    {
        w.WriteStartArray("fields");
        foreach (var f in fields)
        {
            w.WriteStartObject();
            w.WriteNumber("id", f.Id);
            w.WriteString("name", f.Name);
            w.WriteBoolean("required", f.IsRequired);
            w.WritePropertyName("type");
            WriteType(w, f.Type);
            if (f.Doc is not null)
            {
                w.WriteString("doc", f.Doc);
            }

            if (f.InitialDefault is not null)
            {
                w.WritePropertyName("initial-default");
                SingleValueJson.Write(w, f.InitialDefault, f.Type);
            }

            if (f.WriteDefault is not null)
            {
                w.WritePropertyName("write-default");
                SingleValueJson.Write(w, f.WriteDefault, f.Type);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
