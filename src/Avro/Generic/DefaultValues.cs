using System.Text.Json;
using System.Text.Json.Nodes;

using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Generic;

/// <summary>Converts a field's JSON default to a generic value of its schema (per the specification's table).</summary>
public static class DefaultValues
{
    public static object? FromJson(JsonNode? json, AvroSchema schema)
    {
        try
        {
            return Convert(json, schema, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or OverflowException)
        {
            throw new AvroSchemaException($"default value {json?.ToJsonString() ?? "null"} does not match schema {schema.TypeName}", e);
        }
    }

    private static object? Convert(JsonNode? json, AvroSchema schema, int depth)
    {
        if (depth > 200)
        {
            throw new AvroSchemaException("default value nested too deeply");
        }

        switch (schema)
        {
            case UnionSchema u:
                // The default belongs to the first branch; be lenient and accept any branch it fits.
                List<Exception>? errors = null;
                foreach (var b in u.Branches)
                {
                    try
                    {
                        return Convert(json, b, depth + 1);
                    }
                    catch (Exception e) when (e is AvroSchemaException or InvalidOperationException or FormatException or OverflowException)
                    {
                        (errors ??= []).Add(e);
                    }
                }

                throw new AvroSchemaException("default value matches no branch of the union");
            case RecordSchema r:
                var obj = json as JsonObject ?? throw new AvroSchemaException($"default of record {r.FullName} must be an object");
                var record = new AvroRecord(r);
                foreach (var f in r.Fields)
                {
                    if (obj.TryGetPropertyValue(f.Name, out var fv))
                    {
                        record[f.Position] = Convert(fv, f.Schema, depth + 1);
                    }
                    else if (f.HasDefault)
                    {
                        record[f.Position] = Convert(f.Default, f.Schema, depth + 1);
                    }
                    else
                    {
                        throw new AvroSchemaException($"default of record {r.FullName} lacks field {f.Name}");
                    }
                }

                return record;
            case ArraySchema a:
                var arr = json as JsonArray ?? throw new AvroSchemaException("default of an array must be a JSON array");
                var list = new List<object?>(arr.Count);
                foreach (var item in arr)
                {
                    list.Add(Convert(item, a.Items, depth + 1));
                }

                return list;
            case MapSchema m:
                var mapObj = json as JsonObject ?? throw new AvroSchemaException("default of a map must be a JSON object");
                var map = new Dictionary<string, object?>(mapObj.Count, StringComparer.Ordinal);
                foreach (var (k, v) in mapObj)
                {
                    map[k] = Convert(v, m.Values, depth + 1);
                }

                return map;
            case EnumSchema e:
                var symbol = json?.GetValue<string>() ?? throw new AvroSchemaException("default of an enum must be a symbol");
                return e.IndexOf(symbol) >= 0 ? symbol : throw new AvroSchemaException($"default {symbol} is not a symbol of {e.FullName}");
            case FixedSchema x:
                var fixedBytes = Latin1(json);
                return fixedBytes.Length == x.Size ? fixedBytes : throw new AvroSchemaException($"default of fixed {x.FullName} must have {x.Size} bytes");
        }

        return schema.Type switch
        {
            AvroType.Null => json is null ? null : throw new AvroSchemaException("default of null must be null"),
            AvroType.Boolean => Value(json).GetValue<bool>(),
            AvroType.Int => checked((int)Integer(json)),
            AvroType.Long => Integer(json),
            AvroType.Float => (float)Real(json),
            AvroType.Double => Real(json),
            AvroType.Bytes => Latin1(json),
            AvroType.String => Value(json).GetValue<string>(),
            _ => throw new AvroSchemaException("unexpected schema " + schema.TypeName),
        };
    }

    private static JsonValue Value(JsonNode? json) => json as JsonValue ?? throw new AvroSchemaException("expected a JSON value");

    private static long Integer(JsonNode? json)
    {
        var v = Value(json);
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (v.TryGetValue<double>(out var d) && d == Math.Floor(d))
        {
            return checked((long)d);
        }

        throw new AvroSchemaException("expected a JSON integer");
    }

    private static double Real(JsonNode? json)
    {
        var v = Value(json);
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<float>(out var f))
        {
            return f;
        }

        if (v.TryGetValue<string>(out var s) && s is "NaN" or "Infinity" or "-Infinity")
        {
            return s == "NaN" ? double.NaN : s == "Infinity" ? double.PositiveInfinity : double.NegativeInfinity;
        }

        throw new AvroSchemaException("expected a JSON number");
    }

    /// <summary>Bytes defaults are strings whose code points 0-255 are the bytes.</summary>
    private static byte[] Latin1(JsonNode? json)
    {
        var s = Value(json).GetValue<string>();
        var bytes = new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            bytes[i] = s[i] <= 0xFF ? (byte)s[i] : throw new AvroSchemaException("bytes default has a code point above 255");
        }

        return bytes;
    }
}
