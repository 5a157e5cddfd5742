using System.Globalization;
using System.Text.Json;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// Where the JSON reader is (file and dotted field path) plus typed accessors that throw
/// <see cref="IcebergException"/> naming both when a required field is missing or has the wrong type.
/// </summary>
internal readonly record struct JsonPath(string? Source, string Path)
{
    public JsonPath Child(string name) => new(Source, Path.Length == 0 ? name : Path + "." + name);

    public JsonPath Index(int index) => new(Source, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index}]"));

    public IcebergException Error(string problem) => IcebergException.InvalidMetadata(Source, Path, problem);

    public JsonElement Required(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Child(name).Error("is missing");
        }

        return value;
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public int RequiredInt(JsonElement obj, string name) => Int(Required(obj, name), name);

    public long RequiredLong(JsonElement obj, string name) => Long(Required(obj, name), name);

    public string RequiredString(JsonElement obj, string name) => String(Required(obj, name), name);

    public bool RequiredBool(JsonElement obj, string name)
    {
        var e = Required(obj, name);
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Child(name).Error("must be a boolean"),
        };
    }

    public int? OptionalInt(JsonElement obj, string name) => TryGet(obj, name, out var e) ? Int(e, name) : null;

    public long? OptionalLong(JsonElement obj, string name) => TryGet(obj, name, out var e) ? Long(e, name) : null;

    public string? OptionalString(JsonElement obj, string name) => TryGet(obj, name, out var e) ? String(e, name) : null;

    public JsonElement RequiredArray(JsonElement obj, string name)
    {
        var e = Required(obj, name);
        return e.ValueKind == JsonValueKind.Array ? e : throw Child(name).Error("must be a list");
    }

    public JsonElement RequiredObject(JsonElement obj, string name)
    {
        var e = Required(obj, name);
        return e.ValueKind == JsonValueKind.Object ? e : throw Child(name).Error("must be an object");
    }

    public void ExpectObject(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Error("must be an object");
        }
    }

    public Dictionary<string, string> StringMap(JsonElement obj, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!TryGet(obj, name, out var e))
        {
            return result;
        }

        var path = Child(name);
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("must be an object of strings");
        }

        foreach (var p in e.EnumerateObject())
        {
            result[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                _ => throw path.Child(p.Name).Error("must be a string"),
            };
        }

        return result;
    }

    public List<int> IntList(JsonElement array, string name)
    {
        var path = Child(name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw path.Error("must be a list of integers");
        }

        var result = new List<int>();
        foreach (var e in array.EnumerateArray())
        {
            result.Add(path.Int(e, null));
        }

        return result;
    }

    private int Int(JsonElement e, string? name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : throw (name is null ? this : Child(name)).Error("must be a 32-bit integer");

    // Ids above long.MaxValue (written by some non-Java writers as unsigned) are read as their two's-complement bits.
    private long Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v
        : e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out var u) ? unchecked((long)u)
        : throw Child(name).Error("must be a 64-bit integer");

    private string String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Child(name).Error("must be a string");
}
