using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Values;

/// <summary>
/// Appendix D JSON single-value serialization (used by <c>initial-default</c>/<c>write-default</c>):
/// numbers as JSON numbers, decimals/dates/times/timestamps/uuids as strings, fixed/binary as hex,
/// structs as objects keyed by field id, lists as arrays, maps as <c>{"keys": [...], "values": [...]}</c>.
/// </summary>
public static class SingleValueJson
{
    public static void Write(Utf8JsonWriter writer, object? value, IcebergType type)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type)
        {
            case StructType st:
                writer.WriteStartObject();
                var values = (Dictionary<int, object?>)value;
                foreach (var f in st.Fields)
                {
                    if (values.TryGetValue(f.Id, out var v))
                    {
                        writer.WritePropertyName(f.Id.ToString(CultureInfo.InvariantCulture));
                        Write(writer, v, f.Type);
                    }
                }

                writer.WriteEndObject();
                return;
            case ListType lt:
                writer.WriteStartArray();
                foreach (var e in (object?[])value)
                {
                    Write(writer, e, lt.ElementType);
                }

                writer.WriteEndArray();
                return;
            case MapType mt:
                var map = (MapValue)value;
                writer.WriteStartObject();
                writer.WriteStartArray("keys");
                foreach (var k in map.Keys)
                {
                    Write(writer, k, mt.KeyType);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("values");
                foreach (var v in map.Values)
                {
                    Write(writer, v, mt.ValueType);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                return;
            default:
                break;
        }

        var p = (PrimitiveType)type;
        switch (p.TypeId)
        {
            case TypeId.Boolean: writer.WriteBooleanValue((bool)value); break;
            case TypeId.Int: writer.WriteNumberValue((int)value); break;
            case TypeId.Long: writer.WriteNumberValue((long)value); break;
            case TypeId.Float: writer.WriteNumberValue((float)value); break;
            case TypeId.Double: writer.WriteNumberValue((double)value); break;
            case TypeId.Decimal: writer.WriteStringValue(Literals.FormatDecimal((BigInteger)value, p.Scale)); break;
            case TypeId.Date: writer.WriteStringValue(DateTimeUtil.FormatDate((int)value)); break;
            case TypeId.Time: writer.WriteStringValue(DateTimeUtil.FormatTime((long)value)); break;
            case TypeId.Timestamp: writer.WriteStringValue(DateTimeUtil.FormatTimestampMicros((long)value, false)); break;
            case TypeId.TimestampTz: writer.WriteStringValue(DateTimeUtil.FormatTimestampMicros((long)value, true)); break;
            case TypeId.TimestampNs: writer.WriteStringValue(DateTimeUtil.FormatTimestampNanos((long)value, false)); break;
            case TypeId.TimestampTzNs: writer.WriteStringValue(DateTimeUtil.FormatTimestampNanos((long)value, true)); break;
            case TypeId.String: writer.WriteStringValue((string)value); break;
            case TypeId.Uuid: writer.WriteStringValue(((Guid)value).ToString("D")); break;
            case TypeId.Fixed or TypeId.Binary: writer.WriteStringValue(Literals.ToHex((byte[])value)); break;
            default: throw IcebergException.NotSupported($"JSON single-value serialization of {p}");
        }
    }

    /// <summary>Reads a value of <paramref name="type"/>; JSON null gives null.</summary>
    public static object? Read(JsonElement json, IcebergType type)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return ReadCore(json, type);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw IcebergException.Invalid($"{json.GetRawText()} is not a valid JSON single value of type {type}", ex);
        }
    }

    private static object? ReadCore(JsonElement json, IcebergType type)
    {
        switch (type)
        {
            case StructType st:
                {
                    var result = new Dictionary<int, object?>();
                    foreach (var prop in json.EnumerateObject())
                    {
                        var id = int.Parse(prop.Name, CultureInfo.InvariantCulture);
                        var field = st.Field(id) ?? throw IcebergException.Invalid($"struct value names field id {id}, which is not in {st}");
                        result[id] = Read(prop.Value, field.Type);
                    }

                    return result;
                }

            case ListType lt:
                {
                    var list = new List<object?>();
                    foreach (var e in json.EnumerateArray())
                    {
                        list.Add(Read(e, lt.ElementType));
                    }

                    return list.ToArray();
                }

            case MapType mt:
                {
                    var keys = new List<object?>();
                    var values = new List<object?>();
                    foreach (var k in json.GetProperty("keys").EnumerateArray())
                    {
                        keys.Add(Read(k, mt.KeyType));
                    }

                    foreach (var v in json.GetProperty("values").EnumerateArray())
                    {
                        values.Add(Read(v, mt.ValueType));
                    }

                    if (keys.Count != values.Count)
                    {
                        throw IcebergException.Invalid("map value has different numbers of keys and values");
                    }

                    return new MapValue(keys, values);
                }

            default:
                break;
        }

        var p = (PrimitiveType)type;
        switch (p.TypeId)
        {
            case TypeId.Boolean: return json.GetBoolean();
            case TypeId.Int: return json.GetInt32();
            case TypeId.Long: return json.GetInt64();
            case TypeId.Float: return json.GetSingle();
            case TypeId.Double: return json.GetDouble();
            case TypeId.Decimal:
                {
                    var text = json.ValueKind == JsonValueKind.Number ? json.GetRawText() : json.GetString()!;
                    return Literals.TryParseDecimal(text, p.Scale) ?? throw IcebergException.Invalid($"'{text}' does not fit {p}");
                }

            case TypeId.Date: return DateTimeUtil.ParseDate(json.GetString()!);
            case TypeId.Time: return DateTimeUtil.ParseTime(json.GetString()!);
            case TypeId.Timestamp or TypeId.TimestampNs or TypeId.TimestampTz or TypeId.TimestampTzNs:
                {
                    var value = DateTimeUtil.ParseTimestamp(json.GetString()!, p.IsNanos, out var hasZone);
                    var needsZone = p.TypeId is TypeId.TimestampTz or TypeId.TimestampTzNs;
                    if (hasZone != needsZone)
                    {
                        throw IcebergException.Invalid($"'{json.GetString()}' must {(needsZone ? string.Empty : "not ")}include a zone offset for {p}");
                    }

                    return value;
                }

            case TypeId.String: return json.GetString();
            case TypeId.Uuid: return Guid.Parse(json.GetString()!);
            case TypeId.Fixed or TypeId.Binary:
                {
                    var bytes = Literals.FromHex(json.GetString()!);
                    if (p.TypeId == TypeId.Fixed && bytes.Length != p.Length)
                    {
                        throw IcebergException.Invalid($"{bytes.Length} bytes given for {p}");
                    }

                    return bytes;
                }

            default:
                throw IcebergException.NotSupported($"default values of type {p} (must be null)");
        }
    }
}
