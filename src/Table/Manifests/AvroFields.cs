using System.Globalization;
using System.Numerics;
using System.Text;
using Lakehouse.Avro.Generic;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Manifests;

/// <summary>Field access on generic Avro records of manifests: by Iceberg field id, falling back to the spec's name.</summary>
internal static class AvroFields
{
    public static object? Get(AvroRecord record, int fieldId, string name)
    {
        var fields = record.Schema.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].FieldId == fieldId)
            {
                return record.GetById(fieldId);
            }
        }

        return record.TryGetValue(name, out var value) ? value : null;
    }

    public static long? Long(AvroRecord record, int fieldId, string name) => Get(record, fieldId, name) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => Convert.ToInt64(other, CultureInfo.InvariantCulture),
    };

    public static int? Int(AvroRecord record, int fieldId, string name) => Get(record, fieldId, name) switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        var other => Convert.ToInt32(other, CultureInfo.InvariantCulture),
    };

    public static string? String(AvroRecord record, int fieldId, string name) => Get(record, fieldId, name) switch
    {
        null => null,
        string s => s,
        byte[] b => Encoding.UTF8.GetString(b),
        var other => other.ToString(),
    };

    public static byte[]? Bytes(AvroRecord record, int fieldId, string name) => Get(record, fieldId, name) switch
    {
        byte[] b => b,
        _ => null,
    };

    /// <summary>An Iceberg map stored as an Avro array of key/value records (or an Avro map with string keys).</summary>
    public static Dictionary<int, T>? IntMap<T>(AvroRecord record, int fieldId, string name, Func<object?, T> convert)
    {
        var value = Get(record, fieldId, name);
        if (value is List<object?> list)
        {
            var result = new Dictionary<int, T>(list.Count);
            foreach (var item in list)
            {
                if (item is AvroRecord kv && kv.Schema.Fields.Count >= 2 && kv.TryGetValue(kv.Schema.Fields[0].Name, out var k) && k is not null)
                {
                    kv.TryGetValue(kv.Schema.Fields[1].Name, out var v);
                    result[Convert.ToInt32(k, CultureInfo.InvariantCulture)] = convert(v);
                }
            }

            return result;
        }

        if (value is Dictionary<string, object?> map)
        {
            var result = new Dictionary<int, T>(map.Count);
            foreach (var (k, v) in map)
            {
                result[int.Parse(k, CultureInfo.InvariantCulture)] = convert(v);
            }

            return result;
        }

        return null;
    }

    public static long ToLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        null => 0,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Converts a generic Avro value of a partition tuple into the value representation of <paramref name="type"/>.</summary>
    public static object? ToIcebergValue(object? value, PrimitiveType type)
    {
        if (value is null)
        {
            return null;
        }

        return type.TypeId switch
        {
            TypeId.Boolean => value is bool b ? b : Convert.ToBoolean(value, CultureInfo.InvariantCulture),
            TypeId.Int or TypeId.Date => value is int i ? i : Convert.ToInt32(value, CultureInfo.InvariantCulture),
            TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs =>
                value is long l ? l : Convert.ToInt64(value, CultureInfo.InvariantCulture),
            TypeId.Float => value is float f ? f : Convert.ToSingle(value, CultureInfo.InvariantCulture),
            TypeId.Double => value is double d ? d : Convert.ToDouble(value, CultureInfo.InvariantCulture),
            TypeId.String => value is byte[] sb ? Encoding.UTF8.GetString(sb) : value.ToString(),
            TypeId.Decimal => value switch
            {
                byte[] bytes => new BigInteger(bytes, isUnsigned: false, isBigEndian: true),
                BigInteger big => big,
                _ => new BigInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            },
            TypeId.Uuid => value switch
            {
                byte[] { Length: 16 } g => new Guid(g, bigEndian: true),
                string s => Guid.Parse(s),
                _ => value,
            },
            TypeId.Fixed or TypeId.Binary => value is string str ? Encoding.UTF8.GetBytes(str) : value,
            _ => value,
        };
    }
}
