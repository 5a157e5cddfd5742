using System.Buffers.Binary;
using System.Text.Json;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>Compares our arrays with the per-slot dump written by tests/interop/arrow-dump-lib.mjs (apache-arrow's view of the data).</summary>
internal static class JsDump
{
    public static void AssertMatches(IReadOnlyList<RecordBatch> batches, JsonElement dump, string context)
    {
        var jsBatches = dump.GetProperty("batches");
        Assert.True(jsBatches.GetArrayLength() == batches.Count, $"{context}: apache-arrow saw {jsBatches.GetArrayLength()} batches, we have {batches.Count}");
        for (var b = 0; b < batches.Count; b++)
        {
            var jb = jsBatches[b];
            Assert.True(jb.GetProperty("length").GetInt32() == batches[b].Length, $"{context}: batch {b} length");
            var cols = jb.GetProperty("columns");
            for (var c = 0; c < batches[b].ColumnCount; c++)
            {
                var column = batches[b].Column(c);
                var slots = cols[c];
                var path = $"{context} batch {b} column '{batches[b].Schema[c].Name}'";
                Assert.True(slots.GetArrayLength() == column.Length, $"{path}: {slots.GetArrayLength()} slots in apache-arrow, {column.Length} here");
                for (var i = 0; i < column.Length; i++)
                {
                    Slot(column, i, slots[i], $"{path}[{i}]");
                }
            }
        }
    }

    private static ArrowArray Child(ArrowArray a, int k) => ArrowArray.Create(a.Data.Children[k]);

    private static void Slot(ArrowArray a, int i, JsonElement v, string path)
    {
        switch (a.Type.Id)
        {
            case ArrowTypeId.Null:
                Assert.True(v.ValueKind == JsonValueKind.Null, $"{path}: null type slot is {v}");
                return;
            case ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion:
            {
                var u = (UnionArray)a;
                Assert.True(v.GetProperty("type").GetInt32() == u.TypeCodes[i], $"{path}: union type code {v.GetProperty("type")} vs {u.TypeCodes[i]}");
                Slot(u.Child(u.ChildIndex(i)), u.ChildOffset(i), v.GetProperty("value"), path + "<union>");
                return;
            }
        }

        if (a is DictionaryArray dictionary && a.IsValid(i))
        {
            // A slot whose dictionary value is null is null too (apache-arrow reports it so).
            Slot(dictionary.Dictionary, checked((int)dictionary.GetIndex(i)), v, path + "<dict>");
            return;
        }

        var valid = a.IsValid(i);
        Assert.True(valid == (v.ValueKind != JsonValueKind.Null), $"{path}: {(valid ? "value here, null in apache-arrow" : $"null here, {v} in apache-arrow")}");
        if (!valid)
        {
            return;
        }

        switch (a)
        {
            case DictionaryArray d:
                Slot(d.Dictionary, checked((int)d.GetIndex(i)), v, path + "<dict>");
                return;
            case BooleanArray b:
                Assert.True(b.Value(i) == v.GetBoolean(), $"{path}: {b.Value(i)} vs {v}");
                return;
            case BinaryArray bin:
                Hex(bin.GetBytes(i), v, path);
                return;
            case LargeBinaryArray lb:
                Hex(lb.GetBytes(i), v, path);
                return;
            case BinaryViewArray bv:
                Hex(bv.GetBytes(i), v, path);
                return;
            case FixedSizeListArray fl:
            {
                var child = Child(a, 0);
                Assert.True(v.GetArrayLength() == fl.ListSize, $"{path}: fixed list size");
                for (var k = 0; k < fl.ListSize; k++)
                {
                    Slot(child, ((a.Offset + i) * fl.ListSize) + k, v[k], $"{path}[{k}]");
                }

                return;
            }

            case StructArray:
            {
                for (var k = 0; k < a.Data.Children.Length; k++)
                {
                    Slot(Child(a, k), a.Offset + i, v[k], $"{path}.{k}");
                }

                return;
            }
        }

        if (a.Type.Id is ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.Map)
        {
            var span = a.Data.Buffers[1].Span;
            var slot = a.Offset + i;
            long start, end;
            if (a.Type.Id == ArrowTypeId.LargeList)
            {
                start = BinaryPrimitives.ReadInt64LittleEndian(span[(slot * 8)..]);
                end = BinaryPrimitives.ReadInt64LittleEndian(span[((slot + 1) * 8)..]);
            }
            else
            {
                start = BinaryPrimitives.ReadInt32LittleEndian(span[(slot * 4)..]);
                end = BinaryPrimitives.ReadInt32LittleEndian(span[((slot + 1) * 4)..]);
            }

            Assert.True(v.GetArrayLength() == end - start, $"{path}: list of {end - start} here, {v.GetArrayLength()} in apache-arrow");
            var child = Child(a, 0);
            for (var k = 0; k < end - start; k++)
            {
                Slot(child, (int)(start + k), v[k], $"{path}[{k}]");
            }

            return;
        }

        var width = a.Type.BitWidth / 8;
        Hex(a.Data.Buffers[1].Span.Slice((a.Offset + i) * width, width), v, path);
    }

    private static void Hex(ReadOnlySpan<byte> bytes, JsonElement v, string path)
    {
        var expected = Convert.ToHexStringLower(bytes);
        Assert.True(expected == v.GetString(), $"{path}: {expected} here, {v.GetString()} in apache-arrow");
    }
}
