using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lakehouse.Avro.Schema;

/// <summary>
/// Parses schema JSON per the specification: primitive names, named types with namespaces (inherited from
/// the enclosing named type), references to types defined earlier, aliases, logical types, and Iceberg's
/// id attributes. Other attributes are kept as properties.
/// </summary>
internal sealed class AvroSchemaParser
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 256 };

    private readonly Dictionary<string, NamedSchema> _names = new(StringComparer.Ordinal);

    public static AvroSchema Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, s_options);
            return new AvroSchemaParser().ParseSchema(doc.RootElement, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AvroSchemaException("schema is not valid JSON: " + e.Message, e);
        }
    }

    public static AvroSchema Parse(ReadOnlySpan<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            throw new AvroSchemaException("schema JSON is not valid UTF-8");
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = s_options.MaxDepth });
            using var doc = JsonDocument.ParseValue(ref reader);
            return new AvroSchemaParser().ParseSchema(doc.RootElement, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new AvroSchemaException("schema is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>An Avro name: [A-Za-z_][A-Za-z0-9_]*.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidFullName(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidName(part))
            {
                return false;
            }
        }

        return true;
    }

    private AvroSchema ParseSchema(JsonElement e, string? enclosingNamespace)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return ResolveName(e.GetString()!, enclosingNamespace);
            case JsonValueKind.Array:
                var branches = new List<AvroSchema>(e.GetArrayLength());
                foreach (var b in e.EnumerateArray())
                {
                    branches.Add(ParseSchema(b, enclosingNamespace));
                }

                return new UnionSchema(branches);
            case JsonValueKind.Object:
                return ParseObject(e, enclosingNamespace);
            default:
                throw new AvroSchemaException($"a schema must be a string, object or array, not {e.ValueKind}");
        }
    }

    private AvroSchema ResolveName(string name, string? enclosingNamespace)
    {
        if (PrimitiveSchema.FromName(name) is AvroType t)
        {
            return t switch
            {
                AvroType.Null => AvroSchema.Null,
                AvroType.Boolean => AvroSchema.Boolean,
                AvroType.Int => AvroSchema.Int,
                AvroType.Long => AvroSchema.Long,
                AvroType.Float => AvroSchema.Float,
                AvroType.Double => AvroSchema.Double,
                AvroType.Bytes => AvroSchema.Bytes,
                _ => AvroSchema.String,
            };
        }

        if (!name.Contains('.', StringComparison.Ordinal) && enclosingNamespace is not null
            && _names.TryGetValue(enclosingNamespace + "." + name, out var inNamespace))
        {
            return inNamespace;
        }

        if (_names.TryGetValue(name, out var named))
        {
            return named;
        }

        throw new AvroSchemaException($"unknown type \"{name}\" (named types must be defined before use)");
    }

    private AvroSchema ParseObject(JsonElement e, string? enclosingNamespace)
    {
        if (!e.TryGetProperty("type", out var typeElement))
        {
            throw new AvroSchemaException("schema object has no \"type\"");
        }

        if (typeElement.ValueKind != JsonValueKind.String)
        {
            // {"type": {...}} or {"type": [...]}: the nested schema is the type.
            return ParseSchema(typeElement, enclosingNamespace);
        }

        var type = typeElement.GetString()!;
        switch (type)
        {
            case "record":
            case "error":
                return ParseRecord(e, enclosingNamespace);
            case "enum":
                return ParseEnum(e, enclosingNamespace);
            case "fixed":
                return ParseFixed(e, enclosingNamespace);
            case "array":
                return new ArraySchema(ParseSchema(Required(e, "items", "array"), enclosingNamespace))
                {
                    ElementId = OptionalId(e, "element-id"),
                    LogicalType = OptionalString(e, "logicalType"),
                    Properties = Rest(e, s_arrayKeys),
                };
            case "map":
                return new MapSchema(ParseSchema(Required(e, "values", "map"), enclosingNamespace))
                {
                    KeyId = OptionalId(e, "key-id"),
                    ValueId = OptionalId(e, "value-id"),
                    LogicalType = OptionalString(e, "logicalType"),
                    Properties = Rest(e, s_mapKeys),
                };
        }

        if (PrimitiveSchema.FromName(type) is AvroType primitive)
        {
            return new PrimitiveSchema(primitive)
            {
                LogicalType = OptionalString(e, "logicalType"),
                Precision = OptionalInt(e, "precision"),
                Scale = OptionalInt(e, "scale"),
                Properties = Rest(e, s_primitiveKeys),
            };
        }

        // {"type": "some.Named"}: a reference written as an object.
        return ResolveName(type, enclosingNamespace);
    }

    private static readonly HashSet<string> s_primitiveKeys = ["type", "logicalType", "precision", "scale"];
    private static readonly HashSet<string> s_arrayKeys = ["type", "items", "element-id", "logicalType"];
    private static readonly HashSet<string> s_mapKeys = ["type", "values", "key-id", "value-id", "logicalType"];
    private static readonly HashSet<string> s_recordKeys = ["type", "name", "namespace", "doc", "aliases", "fields"];
    private static readonly HashSet<string> s_enumKeys = ["type", "name", "namespace", "doc", "aliases", "symbols", "default"];
    private static readonly HashSet<string> s_fixedKeys = ["type", "name", "namespace", "doc", "aliases", "size", "logicalType", "precision", "scale"];
    private static readonly HashSet<string> s_fieldKeys = ["name", "type", "default", "doc", "aliases", "order", "field-id"];

    private (string Name, string? Namespace) ParseName(JsonElement e, string? enclosingNamespace, string kind)
    {
        var name = Required(e, "name", kind);
        if (name.ValueKind != JsonValueKind.String)
        {
            throw new AvroSchemaException($"{kind} name must be a string");
        }

        var n = name.GetString()!;
        string? ns;
        if (n.Contains('.', StringComparison.Ordinal))
        {
            ns = n[..n.LastIndexOf('.')];
            n = n[(n.LastIndexOf('.') + 1)..];
        }
        else if (e.TryGetProperty("namespace", out var nsElement) && nsElement.ValueKind != JsonValueKind.Null)
        {
            if (nsElement.ValueKind != JsonValueKind.String)
            {
                throw new AvroSchemaException($"{kind} {n}: namespace must be a string");
            }

            ns = nsElement.GetString();
        }
        else
        {
            ns = enclosingNamespace;
        }

        if (string.IsNullOrEmpty(ns))
        {
            ns = null;
        }

        if (!IsValidName(n) || (ns is not null && !IsValidFullName(ns)))
        {
            throw new AvroSchemaException($"invalid {kind} name \"{(ns is null ? n : ns + "." + n)}\"");
        }

        if (PrimitiveSchema.FromName(n) is not null && ns is null)
        {
            throw new AvroSchemaException($"{kind} may not redefine the primitive type {n}");
        }

        return (n, ns);
    }

    private void Register(NamedSchema schema)
    {
        if (!_names.TryAdd(schema.FullName, schema))
        {
            throw new AvroSchemaException($"type {schema.FullName} is defined twice");
        }
    }

    private RecordSchema ParseRecord(JsonElement e, string? enclosingNamespace)
    {
        var (name, ns) = ParseName(e, enclosingNamespace, "record");
        var record = new RecordSchema(name, ns)
        {
            Doc = OptionalString(e, "doc"),
            Aliases = ParseAliases(e, ns),
            Properties = Rest(e, s_recordKeys),
        };
        Register(record);
        var fieldsElement = Required(e, "fields", "record " + record.FullName);
        if (fieldsElement.ValueKind != JsonValueKind.Array)
        {
            throw new AvroSchemaException($"record {record.FullName}: fields must be an array");
        }

        var fields = new List<AvroField>(fieldsElement.GetArrayLength());
        foreach (var f in fieldsElement.EnumerateArray())
        {
            fields.Add(ParseField(f, record));
        }

        record.SetFields(fields);
        return record;
    }

    private AvroField ParseField(JsonElement f, RecordSchema record)
    {
        if (f.ValueKind != JsonValueKind.Object)
        {
            throw new AvroSchemaException($"record {record.FullName}: a field must be an object");
        }

        var nameElement = Required(f, "name", "field of " + record.FullName);
        var name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()! : throw new AvroSchemaException($"record {record.FullName}: field name must be a string");
        if (!IsValidName(name))
        {
            throw new AvroSchemaException($"record {record.FullName}: invalid field name \"{name}\"");
        }

        var schema = ParseSchema(Required(f, "type", $"field {record.FullName}.{name}"), record.Namespace);
        var order = OptionalString(f, "order");
        if (order is not null and not ("ascending" or "descending" or "ignore"))
        {
            throw new AvroSchemaException($"field {record.FullName}.{name}: invalid order \"{order}\"");
        }

        var aliases = new List<string>();
        if (f.TryGetProperty("aliases", out var a))
        {
            foreach (var alias in StringArray(a, "aliases"))
            {
                aliases.Add(alias);
            }
        }

        if (f.TryGetProperty("default", out var d))
        {
            return new AvroField(name, schema)
            {
                Default = JsonNode.Parse(d.GetRawText()),
                Doc = OptionalString(f, "doc"),
                Aliases = aliases,
                Order = order,
                FieldId = OptionalId(f, "field-id"),
                Properties = Rest(f, s_fieldKeys),
            };
        }

        return new AvroField(name, schema)
        {
            Doc = OptionalString(f, "doc"),
            Aliases = aliases,
            Order = order,
            FieldId = OptionalId(f, "field-id"),
            Properties = Rest(f, s_fieldKeys),
        };
    }

    private EnumSchema ParseEnum(JsonElement e, string? enclosingNamespace)
    {
        var (name, ns) = ParseName(e, enclosingNamespace, "enum");
        var symbols = StringArray(Required(e, "symbols", "enum " + name), "symbols");
        var schema = new EnumSchema(name, ns, symbols, OptionalString(e, "default"))
        {
            Doc = OptionalString(e, "doc"),
            Aliases = ParseAliases(e, ns),
            Properties = Rest(e, s_enumKeys),
        };
        Register(schema);
        return schema;
    }

    private FixedSchema ParseFixed(JsonElement e, string? enclosingNamespace)
    {
        var (name, ns) = ParseName(e, enclosingNamespace, "fixed");
        var sizeElement = Required(e, "size", "fixed " + name);
        if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt32(out var size) || size < 0)
        {
            throw new AvroSchemaException($"fixed {name}: size must be a non-negative integer");
        }

        var schema = new FixedSchema(name, ns, size)
        {
            Doc = OptionalString(e, "doc"),
            Aliases = ParseAliases(e, ns),
            LogicalType = OptionalString(e, "logicalType"),
            Precision = OptionalInt(e, "precision"),
            Scale = OptionalInt(e, "scale"),
            Properties = Rest(e, s_fixedKeys),
        };
        Register(schema);
        return schema;
    }

    private static List<string> ParseAliases(JsonElement e, string? ns)
    {
        var result = new List<string>();
        if (e.TryGetProperty("aliases", out var a))
        {
            foreach (var alias in StringArray(a, "aliases"))
            {
                result.Add(alias.Contains('.', StringComparison.Ordinal) || ns is null ? alias : ns + "." + alias);
            }
        }

        return result;
    }

    private static List<string> StringArray(JsonElement a, string what)
    {
        if (a.ValueKind != JsonValueKind.Array)
        {
            throw new AvroSchemaException($"{what} must be an array of strings");
        }

        var list = new List<string>(a.GetArrayLength());
        foreach (var s in a.EnumerateArray())
        {
            list.Add(s.ValueKind == JsonValueKind.String ? s.GetString()! : throw new AvroSchemaException($"{what} must be an array of strings"));
        }

        return list;
    }

    private static JsonElement Required(JsonElement e, string name, string what) =>
        e.TryGetProperty(name, out var v) ? v : throw new AvroSchemaException($"{what} has no \"{name}\"");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    /// <summary>An Iceberg id attribute: a JSON integer, or (leniently) a string holding one.</summary>
    private static int? OptionalId(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i))
        {
            return i;
        }

        if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out i))
        {
            return i;
        }

        throw new AvroSchemaException($"{name} must be an integer, not {v.GetRawText()}");
    }

    private static Dictionary<string, JsonNode?> Rest(JsonElement e, HashSet<string> known)
    {
        Dictionary<string, JsonNode?>? result = null;
        foreach (var p in e.EnumerateObject())
        {
            if (!known.Contains(p.Name))
            {
                result ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                result[p.Name] = JsonNode.Parse(p.Value.GetRawText());
            }
        }

        return result ?? s_empty;
    }

    private static readonly Dictionary<string, JsonNode?> s_empty = new(StringComparer.Ordinal);

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
