using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Renders Arrow values in the canonical JSON form printed by tests/interop/parquet-duckdb.mjs.</summary>
internal static class ArrowCanonical
{
    public static JsonArray Rows(RecordBatch batch)
    {
        var rows = new JsonArray();
        for (var r = 0; r < batch.Length; r++)
        {
            var row = new JsonArray();
            for (var c = 0; c < batch.ColumnCount; c++)
            {
                row.Add(Value(batch.Column(c), batch.Schema[c], r));
            }

            rows.Add(row);
        }

        return rows;
    }

    public static JsonNode? Value(ArrowArray array, Field field, int i)
    {
        if (array.IsNull(i))
        {
            return null;
        }

        switch (array)
        {
            case BooleanArray b:
                return JsonValue.Create(b.Value(i));
            case PrimitiveArray<sbyte> a:
                return Str(a.Value(i));
            case PrimitiveArray<short> a:
                return Str(a.Value(i));
            case PrimitiveArray<byte> a:
                return Str(a.Value(i));
            case PrimitiveArray<ushort> a:
                return Str(a.Value(i));
            case PrimitiveArray<uint> a:
                return Str(a.Value(i));
            case PrimitiveArray<ulong> a:
                return Str(a.Value(i));
            case PrimitiveArray<Half> a:
                return Number((double)a.Value(i));
            case PrimitiveArray<float> a:
                return Number(a.Value(i));
            case PrimitiveArray<double> a:
                return Number(a.Value(i));
            case PrimitiveArray<int> a:
                return array.Type switch
                {
                    TimeType t => $"time:{Scale(a.Value(i), t.Unit)}",
                    _ when array.Type.Id == ArrowTypeId.Date32 => $"date:{a.Value(i)}",
                    _ => Str(a.Value(i)),
                };
            case PrimitiveArray<long> a:
                return array.Type switch
                {
                    TimestampType t => $"ts:{Scale(a.Value(i), t.Unit)}",
                    TimeType t => $"time:{Scale(a.Value(i), t.Unit)}",
                    _ => Str(a.Value(i)),
                };
            case DecimalArray d:
                {
                    var unscaled = d.UnscaledBigInteger(i);
                    var scale = d.DecimalType.Scale;
                    while (scale > 0 && unscaled % 10 == 0)
                    {
                        unscaled /= 10;
                        scale--;
                    }

                    return $"D:{unscaled.ToString(CultureInfo.InvariantCulture)}/{scale}";
                }

            case BinaryArray s when array.Type.Id == ArrowTypeId.Utf8:
                return s.GetString(i);
            case BinaryArray s:
                return "hex:" + Convert.ToHexStringLower(s.GetBytes(i));
            case FixedSizeBinaryArray f when field.GetMetadata("ARROW:extension:name") == "arrow.uuid":
                return "uuid:" + new Guid(f.GetBytes(i), bigEndian: true).ToString();
            case FixedSizeBinaryArray f:
                return "hex:" + Convert.ToHexStringLower(f.GetBytes(i));
            case MapArray m:
                {
                    var result = new JsonArray();
                    var entries = m.Entries;
                    var keyField = m.MapType.KeyField;
                    var valueField = m.MapType.ValueField;
                    var o = m.ValueOffsets;
                    for (var k = o[i]; k < o[i + 1]; k++)
                    {
                        result.Add(new JsonArray(Value(entries.Field(0), keyField, k), Value(entries.Field(1), valueField, k)));
                    }

                    return result;
                }

            case ListArray l:
                {
                    var result = new JsonArray();
                    var o = l.ValueOffsets;
                    var itemField = ((ListType)l.Type).ValueField;
                    for (var k = o[i]; k < o[i + 1]; k++)
                    {
                        result.Add(Value(l.Values, itemField, k));
                    }

                    return result;
                }

            case StructArray s:
                {
                    var result = new JsonObject();
                    for (var c = 0; c < s.StructType.Fields.Count; c++)
                    {
                        result[s.StructType.Fields[c].Name] = Value(s.Field(c), s.StructType.Fields[c], i);
                    }

                    return result;
                }

            case DictionaryArray d:
                return Value(d.Dictionary, field.WithType(d.DictionaryType.ValueType), (int)d.GetIndex(i));
            default:
                return $"unsupported:{array.Type}";
        }
    }

    private static JsonNode Str<T>(T value)
        where T : IFormattable => JsonValue.Create(value.ToString(null, CultureInfo.InvariantCulture))!;

    private static JsonNode Number(double v)
    {
        if (double.IsNaN(v))
        {
            return JsonValue.Create("NaN")!;
        }

        if (double.IsInfinity(v))
        {
            return JsonValue.Create(v > 0 ? "Infinity" : "-Infinity")!;
        }

        if (Math.Floor(v) == v && Math.Abs(v) < 9007199254740992.0)
        {
            return JsonValue.Create(((long)v).ToString(CultureInfo.InvariantCulture))!;
        }

        return JsonValue.Create(v)!;
    }

    private static string Scale(long value, TimeUnit unit) => (unit switch
    {
        TimeUnit.Second => new BigInteger(value) * 1_000_000_000,
        TimeUnit.Millisecond => new BigInteger(value) * 1_000_000,
        TimeUnit.Microsecond => new BigInteger(value) * 1_000,
        _ => new BigInteger(value),
    }).ToString(CultureInfo.InvariantCulture);

    internal static string Describe(JsonNode? node) => node?.ToJsonString() ?? "null";
}
