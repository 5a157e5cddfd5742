using System.Collections;

using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Generic;

/// <summary>
/// Writes generic values (see <see cref="AvroRecord"/>) in Avro's binary encoding. Accepts the natural
/// .NET types too: any integer type for int/long, numbers for float/double, <see cref="ReadOnlyMemory{T}"/>
/// or <see cref="ArraySegment{T}"/> for bytes and fixed, <see cref="IEnumerable"/> for arrays,
/// <see cref="IEnumerable{T}"/> of string-keyed pairs for maps, string-keyed dictionaries for records.
/// A union takes the first branch the value fits exactly, else the first it can be converted to.
/// Values that fit no schema throw <see cref="AvroSchemaException"/> naming the field path.
/// </summary>
public sealed class GenericDatumWriter
{
    public GenericDatumWriter(AvroSchema schema)
    {
        Schema = schema;
    }

    public AvroSchema Schema { get; }

    public void Write(AvroEncoder encoder, object? value) => Write(encoder, Schema, value, 0, "");

    private static void Write(AvroEncoder e, AvroSchema schema, object? value, int depth, string path)
    {
        if (depth > AvroReader.MaxDepth)
        {
            throw new AvroSchemaException($"{path}: value nested deeper than {AvroReader.MaxDepth} levels");
        }

        switch (schema.Type)
        {
            case AvroType.Null:
                if (value is not null)
                {
                    throw Mismatch(schema, value, path);
                }

                return;
            case AvroType.Boolean:
                e.WriteBoolean(value is bool b ? b : throw Mismatch(schema, value, path));
                return;
            case AvroType.Int:
                e.WriteInt(AsInt(value) ?? throw Mismatch(schema, value, path));
                return;
            case AvroType.Long:
                e.WriteLong(AsLong(value) ?? throw Mismatch(schema, value, path));
                return;
            case AvroType.Float:
                e.WriteFloat((float)(AsDouble(value) ?? throw Mismatch(schema, value, path)));
                return;
            case AvroType.Double:
                e.WriteDouble(AsDouble(value) ?? throw Mismatch(schema, value, path));
                return;
            case AvroType.Bytes:
                if (value is string bs)
                {
                    e.WriteString(bs);
                    return;
                }

                e.WriteBytes(AsBytes(value, out var ok).Span);
                if (!ok)
                {
                    throw Mismatch(schema, value, path);
                }

                return;
            case AvroType.String:
                if (value is string s)
                {
                    e.WriteString(s);
                    return;
                }

                var utf8 = AsBytes(value, out var isBytes);
                e.WriteBytes(isBytes ? utf8.Span : throw Mismatch(schema, value, path));
                return;
            case AvroType.Fixed:
                var size = ((FixedSchema)schema).Size;
                var fixedBytes = AsBytes(value, out var isFixed);
                if (!isFixed || fixedBytes.Length != size)
                {
                    throw Mismatch(schema, value, path);
                }

                e.WriteFixed(fixedBytes.Span);
                return;
            case AvroType.Enum:
                var en = (EnumSchema)schema;
                var index = value switch
                {
                    string symbol => en.IndexOf(symbol),
                    int i when i >= 0 && i < en.Symbols.Count => i,
                    _ => -1,
                };
                e.WriteEnum(index >= 0 ? index : throw Mismatch(schema, value, path));
                return;
            case AvroType.Union:
                var u = (UnionSchema)schema;
                var branch = PickBranch(u, value);
                if (branch < 0)
                {
                    throw Mismatch(schema, value, path);
                }

                e.WriteUnionIndex(branch);
                Write(e, u.Branches[branch], value, depth + 1, path);
                return;
            case AvroType.Record:
                WriteRecord(e, (RecordSchema)schema, value, depth, path);
                return;
            case AvroType.Array:
                if (value is not IEnumerable items || value is string || value is IDictionary)
                {
                    throw Mismatch(schema, value, path);
                }

                WriteArray(e, ((ArraySchema)schema).Items, items, depth, path);
                return;
            case AvroType.Map:
                WriteMap(e, (MapSchema)schema, value, depth, path);
                return;
        }
    }

    private static void WriteRecord(AvroEncoder e, RecordSchema schema, object? value, int depth, string path)
    {
        switch (value)
        {
            case AvroRecord record when record.Count == schema.Fields.Count:
                for (var i = 0; i < schema.Fields.Count; i++)
                {
                    var f = schema.Fields[i];
                    var v = ReferenceEquals(record.Schema, schema) ? record[i] : record.TryGetValue(f.Name, out var byName) ? byName : null;
                    Write(e, f.Schema, v, depth + 1, path + "." + f.Name);
                }

                return;
            case AvroRecord other:
                foreach (var f in schema.Fields)
                {
                    other.TryGetValue(f.Name, out var v);
                    Write(e, f.Schema, v, depth + 1, path + "." + f.Name);
                }

                return;
            case IReadOnlyDictionary<string, object?> dict:
                foreach (var f in schema.Fields)
                {
                    dict.TryGetValue(f.Name, out var v);
                    Write(e, f.Schema, v, depth + 1, path + "." + f.Name);
                }

                return;
            default:
                throw Mismatch(schema, value, path);
        }
    }

    private static void WriteArray(AvroEncoder e, AvroSchema itemSchema, IEnumerable items, int depth, string path)
    {
        if (items is ICollection collection)
        {
            if (collection.Count > 0)
            {
                e.WriteBlockCount(collection.Count);
                foreach (var item in items)
                {
                    Write(e, itemSchema, item, depth + 1, path + "[]");
                }
            }

            e.WriteBlockEnd();
            return;
        }

        var buffered = new List<object?>();
        foreach (var item in items)
        {
            buffered.Add(item);
        }

        WriteArray(e, itemSchema, buffered, depth, path);
    }

    private static void WriteMap(AvroEncoder e, MapSchema schema, object? value, int depth, string path)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        switch (value)
        {
            case IEnumerable<KeyValuePair<string, object?>> kvs:
                pairs.AddRange(kvs);
                break;
            case IDictionary dict:
                foreach (DictionaryEntry entry in dict)
                {
                    pairs.Add(new(entry.Key as string ?? throw Mismatch(schema, value, path), entry.Value));
                }

                break;
            default:
                throw Mismatch(schema, value, path);
        }

        if (pairs.Count > 0)
        {
            e.WriteBlockCount(pairs.Count);
            foreach (var (k, v) in pairs)
            {
                e.WriteString(k);
                Write(e, schema.Values, v, depth + 1, path + "{" + k + "}");
            }
        }

        e.WriteBlockEnd();
    }

    /// <summary>The union branch for a value: exact type first, then a convertible one; -1 when none.</summary>
    public static int PickBranch(UnionSchema union, object? value)
    {
        var branches = union.Branches;
        if (value is null)
        {
            return union.NullIndex;
        }

        for (var i = 0; i < branches.Count; i++)
        {
            if (FitsExactly(branches[i], value))
            {
                return i;
            }
        }

        for (var i = 0; i < branches.Count; i++)
        {
            if (Fits(branches[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool FitsExactly(AvroSchema s, object value) => s.Type switch
    {
        AvroType.Boolean => value is bool,
        AvroType.Int => value is int or short or byte or sbyte or ushort,
        AvroType.Long => value is long,
        AvroType.Float => value is float,
        AvroType.Double => value is double,
        AvroType.Bytes => value is byte[] or ReadOnlyMemory<byte> or Memory<byte> or ArraySegment<byte>,
        AvroType.String => value is string,
        AvroType.Fixed => AsBytes(value, out var ok).Length == ((FixedSchema)s).Size && ok && value is not string,
        AvroType.Enum => value is string symbol && ((EnumSchema)s).IndexOf(symbol) >= 0,
        AvroType.Record => value is AvroRecord r && (ReferenceEquals(r.Schema, s) || r.Schema.FullName == ((RecordSchema)s).FullName),
        AvroType.Array => value is IEnumerable and not string and not IDictionary and not byte[] and not IEnumerable<KeyValuePair<string, object?>>,
        AvroType.Map => value is IDictionary or IEnumerable<KeyValuePair<string, object?>>,
        _ => false,
    };

    private static bool Fits(AvroSchema s, object value) => s.Type switch
    {
        AvroType.Int => AsInt(value) is not null,
        AvroType.Long => AsLong(value) is not null,
        AvroType.Float or AvroType.Double => AsDouble(value) is not null,
        AvroType.Record => value is AvroRecord or IReadOnlyDictionary<string, object?>,
        _ => FitsExactly(s, value),
    };

    private static int? AsInt(object? value) => value switch
    {
        int i => i,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        _ => null,
    };

    private static long? AsLong(object? value) => value switch
    {
        long l => l,
        uint ui => ui,
        _ => AsInt(value),
    };

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        _ => AsLong(value),
    };

    private static ReadOnlyMemory<byte> AsBytes(object? value, out bool ok)
    {
        ok = true;
        switch (value)
        {
            case byte[] a:
                return a;
            case ReadOnlyMemory<byte> m:
                return m;
            case Memory<byte> mm:
                return mm;
            case ArraySegment<byte> seg:
                return seg;
            default:
                ok = false;
                return default;
        }
    }

    private static AvroSchemaException Mismatch(AvroSchema schema, object? value, string path) =>
        new($"{(path.Length == 0 ? "value" : path.TrimStart('.'))}: {(value is null ? "null" : value.GetType().Name)} does not fit schema {schema.TypeName}");
}
