using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Loads the Arrow integration-test JSON format (apache/arrow docs/source/format/Integration.rst) into
/// our schema and array data, buffer by buffer, so golden IPC files can be checked against it and so our
/// writer can be fed data that did not come through our reader.
/// </summary>
internal sealed class IntegrationJson
{
    private readonly Dictionary<long, Field> _dictionaryFields = [];
    private readonly Dictionary<long, JsonElement> _dictionaryJson = [];
    private readonly Dictionary<long, ArrayData> _dictionaries = [];

    private IntegrationJson()
    {
    }

    public required Schema Schema { get; init; }

    public required List<RecordBatch> Batches { get; init; }

    public static IntegrationJson Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = path.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
        using var doc = JsonDocument.Parse(gz, new JsonDocumentOptions { MaxDepth = 256 });
        var root = doc.RootElement;
        var loader = new IntegrationJson { Schema = null!, Batches = null! };
        var schemaJson = root.GetProperty("schema");
        var fields = new List<Field>();
        foreach (var f in schemaJson.GetProperty("fields").EnumerateArray())
        {
            fields.Add(loader.ReadField(f));
        }

        var schema = new Schema(fields, ReadMetadata(schemaJson));
        if (root.TryGetProperty("dictionaries", out var dicts))
        {
            foreach (var d in dicts.EnumerateArray())
            {
                loader._dictionaryJson[d.GetProperty("id").GetInt64()] = d.GetProperty("data").GetProperty("columns")[0].Clone();
            }
        }

        var batches = new List<RecordBatch>();
        foreach (var b in root.GetProperty("batches").EnumerateArray())
        {
            var count = b.GetProperty("count").GetInt32();
            var cols = b.GetProperty("columns");
            var arrays = new ArrowArray[fields.Count];
            for (var i = 0; i < arrays.Length; i++)
            {
                arrays[i] = ArrowArray.Create(loader.Build(fields[i], cols[i]));
            }

            batches.Add(new RecordBatch(schema, arrays, count));
        }

        return new IntegrationJson { Schema = schema, Batches = batches };
    }

    private static List<KeyValuePair<string, string>>? ReadMetadata(JsonElement e)
    {
        if (!e.TryGetProperty("metadata", out var m) || m.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<KeyValuePair<string, string>>();
        foreach (var kv in m.EnumerateArray())
        {
            list.Add(new(kv.GetProperty("key").GetString()!, kv.GetProperty("value").GetString()!));
        }

        return list;
    }

    private Field ReadField(JsonElement f)
    {
        var name = f.GetProperty("name").GetString()!;
        var nullable = f.GetProperty("nullable").GetBoolean();
        var children = new List<Field>();
        if (f.TryGetProperty("children", out var ch))
        {
            foreach (var c in ch.EnumerateArray())
            {
                children.Add(ReadField(c));
            }
        }

        var type = ReadType(f.GetProperty("type"), children);
        long? id = null;
        if (f.TryGetProperty("dictionary", out var dict))
        {
            id = dict.GetProperty("id").GetInt64();
            var it = dict.GetProperty("indexType");
            var indexType = ArrowType.IntegerOf(it.GetProperty("bitWidth").GetInt32(), it.GetProperty("isSigned").GetBoolean());
            var ordered = dict.TryGetProperty("isOrdered", out var o) && o.GetBoolean();
            _dictionaryFields[id.Value] = new Field(name, type, true);
            type = new DictionaryType(indexType, type, ordered);
        }

        return new Field(name, type, nullable, ReadMetadata(f), id);
    }

    private static TimeUnit Unit(JsonElement t) => t.GetProperty("unit").GetString() switch
    {
        "SECOND" => TimeUnit.Second,
        "MILLISECOND" => TimeUnit.Millisecond,
        "MICROSECOND" => TimeUnit.Microsecond,
        _ => TimeUnit.Nanosecond,
    };

    private static ArrowType ReadType(JsonElement t, List<Field> children)
    {
        var name = t.GetProperty("name").GetString();
        return name switch
        {
            "null" => ArrowType.Null,
            "bool" => ArrowType.Boolean,
            "int" => ArrowType.IntegerOf(t.GetProperty("bitWidth").GetInt32(), t.GetProperty("isSigned").GetBoolean()),
            "floatingpoint" => t.GetProperty("precision").GetString() switch
            {
                "HALF" => ArrowType.Float16,
                "SINGLE" => ArrowType.Float32,
                _ => ArrowType.Float64,
            },
            "binary" => ArrowType.Binary,
            "utf8" => ArrowType.Utf8,
            "largebinary" => ArrowType.LargeBinary,
            "largeutf8" => ArrowType.LargeUtf8,
            "binaryview" => ArrowType.BinaryView,
            "utf8view" => ArrowType.Utf8View,
            "fixedsizebinary" => new FixedSizeBinaryType(t.GetProperty("byteWidth").GetInt32()),
            "decimal" => new DecimalType(t.GetProperty("precision").GetInt32(), t.GetProperty("scale").GetInt32(), t.TryGetProperty("bitWidth", out var bw) ? bw.GetInt32() : 128),
            "date" => t.GetProperty("unit").GetString() == "DAY" ? ArrowType.Date32 : ArrowType.Date64,
            "time" => new TimeType(Unit(t)),
            "timestamp" => new TimestampType(Unit(t), t.TryGetProperty("timezone", out var tz) ? tz.GetString() : null),
            "duration" => new DurationType(Unit(t)),
            "interval" => new IntervalType(t.GetProperty("unit").GetString() switch
            {
                "YEAR_MONTH" => IntervalUnit.YearMonth,
                "DAY_TIME" => IntervalUnit.DayTime,
                _ => IntervalUnit.MonthDayNano,
            }),
            "list" => new ListType(children[0]),
            "largelist" => new ListType(children[0], ArrowTypeId.LargeList),
            "listview" => new ListType(children[0], ArrowTypeId.ListView),
            "largelistview" => new ListType(children[0], ArrowTypeId.LargeListView),
            "fixedsizelist" => new FixedSizeListType(children[0], t.GetProperty("listSize").GetInt32()),
            "struct" => new StructType(children),
            "map" => new MapType(children[0], t.TryGetProperty("keysSorted", out var ks) && ks.GetBoolean()),
            "union" => new UnionType(children, t.TryGetProperty("typeIds", out var ids) ? ids.EnumerateArray().Select(x => x.GetInt32()).ToArray() : null, t.GetProperty("mode").GetString() == "DENSE" ? UnionMode.Dense : UnionMode.Sparse),
            "runendencoded" => new RunEndEncodedType(children[0], children[1]),
            _ => throw new NotSupportedException($"JSON type {name}"),
        };
    }

    private ArrayData Dictionary(long id)
    {
        if (!_dictionaries.TryGetValue(id, out var data))
        {
            data = Build(_dictionaryFields[id], _dictionaryJson[id]);
            _dictionaries[id] = data;
        }

        return data;
    }

    private static IEnumerable<JsonElement> Items(JsonElement col, string name) =>
        col.TryGetProperty(name, out var e) ? e.EnumerateArray() : [];

    private ArrayData Build(Field field, JsonElement col)
    {
        var type = field.Type;
        var count = col.GetProperty("count").GetInt32();
        var (validity, nulls) = Validity(col, count);
        switch (type)
        {
            case PrimitiveType { Id: ArrowTypeId.Null }:
                return new ArrayData(type, count, count, 0, []);
            case DictionaryType dict:
                return new ArrayData(type, count, nulls, 0, [validity, Fixed(dict.IndexType, col)], null, Dictionary(field.DictionaryId!.Value));
            case PrimitiveType { Id: ArrowTypeId.Boolean }:
            {
                var bits = new byte[(count + 7) / 8];
                var i = 0;
                foreach (var v in Items(col, "DATA"))
                {
                    if (v.ValueKind == JsonValueKind.True || (v.ValueKind == JsonValueKind.Number && v.GetInt32() != 0))
                    {
                        BitUtil.SetBit(bits, i);
                    }

                    i++;
                }

                return new ArrayData(type, count, nulls, 0, [validity, ArrowBuffer.FromArray(bits)]);
            }

            case BinaryType { IsView: true } bv:
                return Views(type, count, nulls, validity, col, bv.IsString);
            case BinaryType bt:
            {
                var offsets = Offsets(col, bt.IsLarge);
                var data = new List<byte>();
                foreach (var v in Items(col, "DATA"))
                {
                    data.AddRange(bt.IsString ? Encoding.UTF8.GetBytes(v.GetString()!) : Convert.FromHexString(v.GetString()!));
                }

                return new ArrayData(type, count, nulls, 0, [validity, offsets, ArrowBuffer.FromArray(data.ToArray())]);
            }

            case ListType { IsView: true } lv:
            {
                var offsets = Offsets(col, lv.IsLarge);
                var sizes = Offsets(col, lv.IsLarge, "SIZE");
                return new ArrayData(type, count, nulls, 0, [validity, offsets, sizes], [Build(lv.ValueField, col.GetProperty("children")[0])]);
            }

            case ListType l:
                return new ArrayData(type, count, nulls, 0, [validity, Offsets(col, l.IsLarge)], [Build(l.ValueField, col.GetProperty("children")[0])]);
            case MapType m:
                return new ArrayData(type, count, nulls, 0, [validity, Offsets(col, false)], [Build(m.EntriesField, col.GetProperty("children")[0])]);
            case FixedSizeListType fl:
                return new ArrayData(type, count, nulls, 0, [validity], [Build(fl.ValueField, col.GetProperty("children")[0])]);
            case StructType st:
                return new ArrayData(type, count, nulls, 0, [validity], Children(st.Fields, col));
            case UnionType u:
            {
                var ids = Items(col, "TYPE_ID").Select(x => (sbyte)x.GetInt32()).ToArray();
                ArrowBuffer[] buffers = u.Mode == UnionMode.Dense
                    ? [ArrowBuffer.Empty, ArrowBuffer.FromArray(ids), ArrowBuffer.FromArray(Items(col, "OFFSET").Select(x => x.GetInt32()).ToArray())]
                    : [ArrowBuffer.Empty, ArrowBuffer.FromArray(ids)];
                return new ArrayData(type, count, 0, 0, buffers, Children(u.Fields, col));
            }

            case RunEndEncodedType ree:
                return new ArrayData(type, count, 0, 0, [], Children([ree.RunEndsField, ree.ValuesField], col));
            default:
                return new ArrayData(type, count, nulls, 0, [validity, Fixed(type, col)]);
        }
    }

    private ArrayData[] Children(IReadOnlyList<Field> fields, JsonElement col)
    {
        var children = col.GetProperty("children");
        var result = new ArrayData[fields.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Build(fields[i], children[i]);
        }

        return result;
    }

    private static (ArrowBuffer Validity, int Nulls) Validity(JsonElement col, int count)
    {
        if (!col.TryGetProperty("VALIDITY", out var v))
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new byte[(count + 7) / 8];
        var nulls = 0;
        var i = 0;
        foreach (var x in v.EnumerateArray())
        {
            if (x.GetInt32() != 0)
            {
                BitUtil.SetBit(bits, i);
            }
            else
            {
                nulls++;
            }

            i++;
        }

        return nulls == 0 ? (ArrowBuffer.Empty, 0) : (ArrowBuffer.FromArray(bits), nulls);
    }

    private static long Long(JsonElement e) => e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetInt64();

    private static ulong ULong(JsonElement e) => e.ValueKind == JsonValueKind.String ? ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetUInt64();

    private static ArrowBuffer Offsets(JsonElement col, bool large, string name = "OFFSET")
    {
        var items = Items(col, name);
        return large ? ArrowBuffer.FromArray(items.Select(Long).ToArray()) : ArrowBuffer.FromArray(items.Select(x => (int)Long(x)).ToArray());
    }

    private static ArrowBuffer Fixed(ArrowType type, JsonElement col)
    {
        var items = Items(col, "DATA").ToList();
        var width = type.BitWidth / 8;
        var bytes = new byte[items.Count * width];
        var span = bytes.AsSpan();
        for (var i = 0; i < items.Count; i++)
        {
            var v = items[i];
            var dst = span.Slice(i * width, width);
            switch (type)
            {
                case PrimitiveType p when p.IsInteger:
                    if (p.IsSignedInteger)
                    {
                        var x = Long(v);
                        MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in x))[..width].CopyTo(dst);
                    }
                    else
                    {
                        var x = ULong(v);
                        MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in x))[..width].CopyTo(dst);
                    }

                    break;
                case PrimitiveType { Id: ArrowTypeId.Float16 }:
                    MemoryMarshal.Write(dst, (Half)v.GetDouble());
                    break;
                case PrimitiveType { Id: ArrowTypeId.Float32 }:
                    MemoryMarshal.Write(dst, (float)v.GetDouble());
                    break;
                case PrimitiveType { Id: ArrowTypeId.Float64 }:
                    MemoryMarshal.Write(dst, v.GetDouble());
                    break;
                case DecimalType:
                {
                    var big = BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture);
                    var raw = big.ToByteArray(isUnsigned: false, isBigEndian: false);
                    dst.Fill(big.Sign < 0 ? (byte)0xFF : (byte)0);
                    raw.AsSpan(0, Math.Min(raw.Length, width)).CopyTo(dst);
                    break;
                }

                case FixedSizeBinaryType:
                    Convert.FromHexString(v.GetString()!).CopyTo(dst);
                    break;
                case IntervalType { Unit: IntervalUnit.DayTime }:
                    MemoryMarshal.Write(dst, v.GetProperty("days").GetInt32());
                    MemoryMarshal.Write(dst[4..], v.GetProperty("milliseconds").GetInt32());
                    break;
                case IntervalType { Unit: IntervalUnit.MonthDayNano }:
                    MemoryMarshal.Write(dst, v.GetProperty("months").GetInt32());
                    MemoryMarshal.Write(dst[4..], v.GetProperty("days").GetInt32());
                    MemoryMarshal.Write(dst[8..], Long(v.GetProperty("nanoseconds")));
                    break;
                default:
                    if (width == 4)
                    {
                        MemoryMarshal.Write(dst, (int)Long(v));
                    }
                    else
                    {
                        MemoryMarshal.Write(dst, Long(v));
                    }

                    break;
            }
        }

        return ArrowBuffer.FromArray(bytes);
    }

    private static ArrayData Views(ArrowType type, int count, int nulls, ArrowBuffer validity, JsonElement col, bool isString)
    {
        var views = new byte[count * 16];
        var i = 0;
        foreach (var v in Items(col, "VIEWS"))
        {
            var view = views.AsSpan(i * 16, 16);
            var size = v.GetProperty("SIZE").GetInt32();
            MemoryMarshal.Write(view, size);
            if (size <= 12)
            {
                var s = v.GetProperty("INLINED").GetString()!;
                var bytes = isString ? Encoding.UTF8.GetBytes(s) : Convert.FromHexString(s);
                bytes.CopyTo(view[4..]);
            }
            else
            {
                Convert.FromHexString(v.GetProperty("PREFIX_HEX").GetString()!).CopyTo(view[4..]);
                MemoryMarshal.Write(view[8..], v.GetProperty("BUFFER_INDEX").GetInt32());
                MemoryMarshal.Write(view[12..], v.GetProperty("OFFSET").GetInt32());
            }

            i++;
        }

        var buffers = new List<ArrowBuffer> { validity, ArrowBuffer.FromArray(views) };
        foreach (var b in Items(col, "VARIADIC_DATA_BUFFERS"))
        {
            buffers.Add(ArrowBuffer.FromArray(Convert.FromHexString(b.GetString()!)));
        }

        return new ArrayData(type, count, nulls, 0, buffers.ToArray());
    }
}
