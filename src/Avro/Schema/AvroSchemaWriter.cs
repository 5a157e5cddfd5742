using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lakehouse.Avro.Schema;

/// <summary>
/// Writes schemas as JSON: every attribute (typed properties, then custom properties), or the
/// specification's Parsing Canonical Form. A named type is defined at its first occurrence and
/// referenced by name afterwards.
/// </summary>
internal sealed class AvroSchemaWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);
    private readonly bool _canonical;

    private AvroSchemaWriter(bool canonical)
    {
        _canonical = canonical;
    }

    public static string Write(AvroSchema schema, bool canonical)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, s_options))
        {
            new AvroSchemaWriter(canonical).WriteSchema(w, schema, null);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteSchema(Utf8JsonWriter w, AvroSchema schema, string? enclosingNamespace)
    {
        switch (schema)
        {
            case PrimitiveSchema p:
                if (_canonical || (p.LogicalType is null && p.Precision is null && p.Scale is null && p.Properties.Count == 0))
                {
                    w.WriteStringValue(p.TypeName);
                    return;
                }

                w.WriteStartObject();
                w.WriteString("type", p.TypeName);
                WriteLogical(w, p);
                WriteProperties(w, p.Properties);
                w.WriteEndObject();
                return;
            case UnionSchema u:
                w.WriteStartArray();
                foreach (var b in u.Branches)
                {
                    WriteSchema(w, b, enclosingNamespace);
                }

                w.WriteEndArray();
                return;
            case ArraySchema a:
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("items");
                WriteSchema(w, a.Items, enclosingNamespace);
                if (!_canonical)
                {
                    WriteId(w, "element-id", a.ElementId);
                    WriteLogical(w, a);
                    WriteProperties(w, a.Properties);
                }

                w.WriteEndObject();
                return;
            case MapSchema m:
                w.WriteStartObject();
                w.WriteString("type", "map");
                w.WritePropertyName("values");
                WriteSchema(w, m.Values, enclosingNamespace);
                if (!_canonical)
                {
                    WriteId(w, "key-id", m.KeyId);
                    WriteId(w, "value-id", m.ValueId);
                    WriteLogical(w, m);
                    WriteProperties(w, m.Properties);
                }

                w.WriteEndObject();
                return;
            case NamedSchema n:
                WriteNamed(w, n, enclosingNamespace);
                return;
            default:
                throw new ArgumentException("unknown schema kind " + schema.GetType().Name, nameof(schema));
        }
    }

    private void WriteNamed(Utf8JsonWriter w, NamedSchema n, string? enclosingNamespace)
    {
        if (!_defined.Add(n.FullName))
        {
            w.WriteStringValue(_canonical || n.Namespace != enclosingNamespace ? n.FullName : n.Name);
            return;
        }

        w.WriteStartObject();
        if (_canonical)
        {
            w.WriteString("name", n.FullName);
            w.WriteString("type", PrimitiveSchema.NameOf(n.Type));
        }
        else
        {
            w.WriteString("type", PrimitiveSchema.NameOf(n.Type));
            w.WriteString("name", n.Name);
            if (n.Namespace != enclosingNamespace)
            {
                w.WriteString("namespace", n.Namespace ?? string.Empty);
            }

            if (n.Doc is not null)
            {
                w.WriteString("doc", n.Doc);
            }

            if (n.Aliases.Count > 0)
            {
                w.WriteStartArray("aliases");
                foreach (var a in n.Aliases)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
            }
        }

        switch (n)
        {
            case RecordSchema r:
                w.WriteStartArray("fields");
                foreach (var f in r.Fields)
                {
                    WriteField(w, f, r.Namespace);
                }

                w.WriteEndArray();
                break;
            case EnumSchema e:
                w.WriteStartArray("symbols");
                foreach (var s in e.Symbols)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                if (!_canonical && e.Default is not null)
                {
                    w.WriteString("default", e.Default);
                }

                break;
            case FixedSchema x:
                w.WriteNumber("size", x.Size);
                if (!_canonical)
                {
                    WriteLogical(w, x);
                }

                break;
        }

        if (!_canonical)
        {
            WriteProperties(w, n.Properties);
        }

        w.WriteEndObject();
    }

    private void WriteField(Utf8JsonWriter w, AvroField f, string? ns)
    {
        w.WriteStartObject();
        w.WriteString("name", f.Name);
        w.WritePropertyName("type");
        WriteSchema(w, f.Schema, ns);
        if (!_canonical)
        {
            if (f.Doc is not null)
            {
                w.WriteString("doc", f.Doc);
            }

            if (f.HasDefault)
            {
                w.WritePropertyName("default");
                if (f.Default is null)
                {
                    w.WriteNullValue();
                }
                else
                {
                    f.Default.WriteTo(w);
                }
            }

            if (f.Aliases.Count > 0)
            {
                w.WriteStartArray("aliases");
                foreach (var a in f.Aliases)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
            }

            if (f.Order is not null)
            {
                w.WriteString("order", f.Order);
            }

            WriteId(w, "field-id", f.FieldId);
            WriteProperties(w, f.Properties);
        }

        w.WriteEndObject();
    }

    private static void WriteLogical(Utf8JsonWriter w, AvroSchema s)
    {
        if (s.LogicalType is not null)
        {
            w.WriteString("logicalType", s.LogicalType);
        }

        if (s.Precision is int p)
        {
            w.WriteNumber("precision", p);
        }

        if (s.Scale is int sc)
        {
            w.WriteNumber("scale", sc);
        }
    }

    private static void WriteId(Utf8JsonWriter w, string name, int? id)
    {
        if (id is int i)
        {
            w.WriteNumber(name, i);
        }
    }

    private static void WriteProperties(Utf8JsonWriter w, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> properties)
    {
        foreach (var (key, value) in properties)
        {
            w.WritePropertyName(key);
            if (value is null)
            {
                w.WriteNullValue();
            }
            else
            {
                value.WriteTo(w);
            }
        }
    }
}
