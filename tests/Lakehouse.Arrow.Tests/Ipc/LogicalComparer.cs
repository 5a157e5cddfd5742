using System.Buffers.Binary;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Logical, value-by-value comparison of arrays (validity, then the values of valid slots, recursing into
/// children; dictionaries compared by decoded value; unions by type code and selected value; run-end
/// encoded by logical value). Values under null slots are never compared. Independent of the IPC code.
/// </summary>
internal static class LogicalComparer
{
    public static void AssertSchemasEqual(Schema expected, Schema actual, string context)
    {
        expected = Normalize(expected);
        actual = Normalize(actual);
        Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} fields expected, {actual.Count} read");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Equals(actual[i]), $"{context}: field {i} expected {Describe(expected[i])}, read {Describe(actual[i])}");
        }

        Assert.True(MetadataEqual(expected.Metadata, actual.Metadata), $"{context}: schema metadata differs");
    }

    /// <summary>
    /// Makes schemas comparable across producers: metadata sorted by key (C++ reorders extension keys) and
    /// map children given the canonical entries/key/value names (Arrow C++ writes those to IPC even when the
    /// JSON used others; the names carry no meaning).
    /// </summary>
    private static Schema Normalize(Schema s) => new(s.Fields.Select(f => Normalize(f)).ToArray(), Sort(s.Metadata));

    private static List<KeyValuePair<string, string>> Sort(IReadOnlyList<KeyValuePair<string, string>> m) =>
        m.OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal).ToList();

    private static Field Normalize(Field f, string? name = null) =>
        new(name ?? f.Name, NormalizeType(f.Type), f.IsNullable, Sort(f.Metadata), f.DictionaryId);

    private static ArrowType NormalizeType(ArrowType t) => t switch
    {
        DictionaryType d => new DictionaryType(d.IndexType, NormalizeType(d.ValueType), d.Ordered),
        ListType l => new ListType(Normalize(l.ValueField), l.Id),
        FixedSizeListType f => new FixedSizeListType(Normalize(f.ValueField), f.ListSize),
        MapType m => new MapType(
            new Field("entries", new StructType([Normalize(m.KeyField, "key"), Normalize(m.ValueField, "value")]), m.EntriesField.IsNullable, Sort(m.EntriesField.Metadata)),
            m.KeysSorted),
        StructType st => new StructType(st.Fields.Select(x => Normalize(x)).ToArray()),
        UnionType u => new UnionType(u.Fields.Select(x => Normalize(x)).ToArray(), u.TypeCodes, u.Mode),
        RunEndEncodedType r => new RunEndEncodedType(Normalize(r.RunEndsField), Normalize(r.ValuesField)),
        _ => t,
    };

    private static string Describe(Field f) => $"{f} meta=[{string.Join(",", f.Metadata.Select(kv => kv.Key + "=" + kv.Value))}]";

    private static bool MetadataEqual(IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Key == p.Second.Key && p.First.Value == p.Second.Value);

    public static void AssertBatchesEqual(IReadOnlyList<RecordBatch> expected, IReadOnlyList<RecordBatch> actual, string context)
    {
        Assert.True(expected.Count == actual.Count, $"{context}: {expected.Count} batches expected, {actual.Count} read");
        for (var b = 0; b < expected.Count; b++)
        {
            Assert.True(expected[b].Length == actual[b].Length, $"{context}: batch {b} has {actual[b].Length} rows, expected {expected[b].Length}");
            for (var c = 0; c < expected[b].ColumnCount; c++)
            {
                AssertArraysEqual(expected[b].Column(c), actual[b].Column(c), $"{context} batch {b} column {c} '{expected[b].Schema[c].Name}'");
            }
        }
    }

    public static void AssertArraysEqual(ArrowArray expected, ArrowArray actual, string path)
    {
        Assert.True(expected.Length == actual.Length, $"{path}: length {actual.Length}, expected {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            Slot(expected, i, actual, i, path);
        }
    }

    /// <summary>Reads every slot of <paramref name="array"/> (used by corruption tests to prove validated data is safe to use).</summary>
    public static void Touch(ArrowArray array) => AssertArraysEqual(array, array, "touch");

    private static void Fail(string path, int i, string problem) => Assert.Fail($"{path}[{i}]: {problem}");

    private static ArrowArray Child(ArrowArray a, int k) => ArrowArray.Create(a.Data.Children[k]);

    public static void Slot(ArrowArray e, int i, ArrowArray a, int j, string path)
    {
        var type = e.Type;
        if (type.Id != a.Type.Id)
        {
            Fail(path, i, $"type {a.Type}, expected {type}");
        }

        switch (type.Id)
        {
            case ArrowTypeId.Null:
                return;
            case ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion:
            {
                var eu = (UnionArray)e;
                var au = (UnionArray)a;
                if (eu.TypeCodes[i] != au.TypeCodes[j])
                {
                    Fail(path, i, $"union type code {au.TypeCodes[j]}, expected {eu.TypeCodes[i]}");
                }

                var child = eu.ChildIndex(i);
                Slot(eu.Child(child), eu.ChildOffset(i), au.Child(child), au.ChildOffset(j), path + "." + eu.UnionType.Fields[child].Name);
                return;
            }

            case ArrowTypeId.RunEndEncoded:
            {
                var er = (RunEndEncodedArray)e;
                var ar = (RunEndEncodedArray)a;
                Slot(er.Values, er.PhysicalIndex(i), ar.Values, ar.PhysicalIndex(j), path + ".values");
                return;
            }
        }

        var ev = e.IsValid(i);
        var av = a.IsValid(j);
        if (ev != av)
        {
            Fail(path, i, ev ? "null, expected a value" : "a value, expected null");
        }

        if (!ev)
        {
            return;
        }

        switch (type)
        {
            case DictionaryType:
            {
                var ed = (DictionaryArray)e;
                var ad = (DictionaryArray)a;
                Slot(ed.Dictionary, checked((int)ed.GetIndex(i)), ad.Dictionary, checked((int)ad.GetIndex(j)), path + "<dict>");
                return;
            }

            case PrimitiveType { Id: ArrowTypeId.Boolean }:
                if (((BooleanArray)e).Value(i) != ((BooleanArray)a).Value(j))
                {
                    Fail(path, i, "boolean differs");
                }

                return;
            case PrimitiveType { Id: ArrowTypeId.Float32 }:
            {
                var x = ((PrimitiveArray<float>)e).Values[i];
                var y = ((PrimitiveArray<float>)a).Values[j];
                if (!(x.Equals(y) || Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x))))
                {
                    Fail(path, i, $"{y}, expected {x}");
                }

                return;
            }

            case PrimitiveType { Id: ArrowTypeId.Float64 }:
            {
                var x = ((PrimitiveArray<double>)e).Values[i];
                var y = ((PrimitiveArray<double>)a).Values[j];
                if (!(x.Equals(y) || Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x))))
                {
                    Fail(path, i, $"{y}, expected {x}");
                }

                return;
            }

            case BinaryType { IsView: true }:
                Bytes(((BinaryViewArray)e).GetBytes(i), ((BinaryViewArray)a).GetBytes(j), path, i);
                return;
            case BinaryType { IsLarge: true }:
                Bytes(((LargeBinaryArray)e).GetBytes(i), ((LargeBinaryArray)a).GetBytes(j), path, i);
                return;
            case BinaryType:
                Bytes(((BinaryArray)e).GetBytes(i), ((BinaryArray)a).GetBytes(j), path, i);
                return;
            case ListType or MapType:
            {
                var (es, el) = Range(e, i);
                var (as_, al) = Range(a, j);
                if (el != al)
                {
                    Fail(path, i, $"list of {al} values, expected {el}");
                }

                var ec = Child(e, 0);
                var ac = Child(a, 0);
                var name = SchemaName(type);
                for (var k = 0; k < el; k++)
                {
                    Slot(ec, checked((int)(es + k)), ac, checked((int)(as_ + k)), path + "." + name);
                }

                return;
            }

            case FixedSizeListType fl:
            {
                var ec = Child(e, 0);
                var ac = Child(a, 0);
                for (var k = 0; k < fl.ListSize; k++)
                {
                    Slot(ec, ((e.Offset + i) * fl.ListSize) + k, ac, ((a.Offset + j) * fl.ListSize) + k, path + "." + fl.ValueField.Name);
                }

                return;
            }

            case StructType st:
                for (var k = 0; k < st.Fields.Count; k++)
                {
                    Slot(Child(e, k), e.Offset + i, Child(a, k), a.Offset + j, path + "." + st.Fields[k].Name);
                }

                return;
            default:
            {
                var width = type.BitWidth / 8;
                var eb = e.Data.Buffers[1].Span.Slice((e.Offset + i) * width, width);
                var ab = a.Data.Buffers[1].Span.Slice((a.Offset + j) * width, width);
                if (!eb.SequenceEqual(ab))
                {
                    Fail(path, i, $"value bytes {Convert.ToHexString(ab)}, expected {Convert.ToHexString(eb)}");
                }

                return;
            }
        }
    }

    private static string SchemaName(ArrowType type) => type switch
    {
        ListType l => l.ValueField.Name,
        MapType m => m.EntriesField.Name,
        _ => "child",
    };

    /// <summary>Start index into the (unsliced) child and length of list slot <paramref name="i"/>.</summary>
    private static (long Start, long Length) Range(ArrowArray arr, int i)
    {
        var d = arr.Data;
        var slot = d.Offset + i;
        var span = d.Buffers[1].Span;
        switch (d.Type.Id)
        {
            case ArrowTypeId.LargeList:
            {
                var s = BinaryPrimitives.ReadInt64LittleEndian(span[(slot * 8)..]);
                return (s, BinaryPrimitives.ReadInt64LittleEndian(span[((slot + 1) * 8)..]) - s);
            }

            case ArrowTypeId.ListView:
                return (BinaryPrimitives.ReadInt32LittleEndian(span[(slot * 4)..]), BinaryPrimitives.ReadInt32LittleEndian(d.Buffers[2].Span[(slot * 4)..]));
            case ArrowTypeId.LargeListView:
                return (BinaryPrimitives.ReadInt64LittleEndian(span[(slot * 8)..]), BinaryPrimitives.ReadInt64LittleEndian(d.Buffers[2].Span[(slot * 8)..]));
            default:
            {
                var s = BinaryPrimitives.ReadInt32LittleEndian(span[(slot * 4)..]);
                return (s, BinaryPrimitives.ReadInt32LittleEndian(span[((slot + 1) * 4)..]) - s);
            }
        }
    }

    private static void Bytes(ReadOnlySpan<byte> e, ReadOnlySpan<byte> a, string path, int i)
    {
        if (!e.SequenceEqual(a))
        {
            Fail(path, i, $"bytes {Convert.ToHexString(a)}, expected {Convert.ToHexString(e)}");
        }
    }

    internal static bool IsBitSet(ArrowBuffer bits, int index) => BitUtil.GetBit(bits.Span, index);
}
