using System.Buffers;
using System.Text;
using System.Text.Json;
using Lakehouse.Table.Transforms;

namespace Lakehouse.Table.Metadata;

/// <summary>
/// Appendix C JSON for partition specs: the full object (<c>spec-id</c> + <c>fields</c>) or the bare fields
/// list (v1 <c>partition-spec</c> and manifest metadata). v1 fields without <c>field-id</c> get 1000, 1001, ...
/// </summary>
public static class PartitionSpecParser
{
    /// <summary>Parses a spec object, or a fields list (then the spec id is <paramref name="specIdForList"/>).</summary>
    public static PartitionSpec FromJson(string json, int specIdForList = 0, string? source = null)
    {
        using var doc = SchemaParser.ParseDocument(json, source);
        var path = new JsonPath(source, "partition-spec");
        return doc.RootElement.ValueKind == JsonValueKind.Array
            ? new PartitionSpec(specIdForList, ReadFields(doc.RootElement, path))
            : Read(doc.RootElement, path);
    }

    public static string ToJson(PartitionSpec spec) => Serialize(w => Write(w, spec));

    /// <summary>The bare fields list, as manifests store it in their "partition-spec" metadata.</summary>
    public static string FieldsToJson(PartitionSpec spec) => Serialize(w => WriteFields(w, spec.Fields));

    public static void Write(Utf8JsonWriter w, PartitionSpec spec)
    {
        w.WriteStartObject();
        w.WriteNumber("spec-id", spec.SpecId);
        w.WritePropertyName("fields");
        WriteFields(w, spec.Fields);
        w.WriteEndObject();
    }

    public static void WriteFields(Utf8JsonWriter w, IReadOnlyList<PartitionField> fields)
    {
        w.WriteStartArray();
        foreach (var f in fields)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("transform", f.Transform.ToString());
            WriteSourceIds(w, f.SourceIds);
            w.WriteNumber("field-id", f.FieldId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static void WriteSourceIds(Utf8JsonWriter w, IReadOnlyList<int> sourceIds)
    {
        if (sourceIds.Count == 1)
        {
            w.WriteNumber("source-id", sourceIds[0]);
            return;
        }

        w.WriteStartArray("source-ids");
        foreach (var id in sourceIds)
        {
            w.WriteNumberValue(id);
        }

        w.WriteEndArray();
    }

    internal static IReadOnlyList<int> ReadSourceIds(JsonElement obj, JsonPath path)
    {
        if (JsonPath.TryGet(obj, "source-ids", out var ids))
        {
            var list = path.IntList(ids, "source-ids");
            if (list.Count > 0)
            {
                return list;
            }
        }

        return [path.RequiredInt(obj, "source-id")];
    }

    internal static PartitionSpec Read(JsonElement obj, JsonPath path)
    {
        path.ExpectObject(obj);
        var specId = path.RequiredInt(obj, "spec-id");
        return new PartitionSpec(specId, ReadFields(path.RequiredArray(obj, "fields"), path.Child("fields")));
    }

    internal static List<PartitionField> ReadFields(JsonElement array, JsonPath path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw path.Error("must be a list of partition fields");
        }

        var result = new List<PartitionField>();
        var i = 0;
        foreach (var f in array.EnumerateArray())
        {
            var p = path.Index(i);
            p.ExpectObject(f);
            var sourceIds = ReadSourceIds(f, p);
            var fieldId = p.OptionalInt(f, "field-id") ?? (PartitionSpec.FirstPartitionFieldId + i);
            var name = p.RequiredString(f, "name");
            Transform transform;
            try
            {
                transform = Transform.Parse(p.RequiredString(f, "transform"));
            }
            catch (IcebergException ex) when (ex.Kind != IcebergErrorKind.InvalidMetadata)
            {
                throw p.Child("transform").Error(ex.Message);
            }

            result.Add(new PartitionField(sourceIds, fieldId, name, transform));
            i++;
        }

        return result;
    }

    internal static string Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options()))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
