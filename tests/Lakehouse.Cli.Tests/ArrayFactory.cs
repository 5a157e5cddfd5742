using System.Runtime.InteropServices;
using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Tests;

/// <summary>Builds test arrays of every type straight from buffers (nulls given as null values).</summary>
internal static class ArrayFactory
{
    public static ArrayData Primitive<T>(ArrowType type, params T?[] values)
        where T : unmanaged
    {
        var raw = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            raw[i] = values[i] ?? default;
        }

        var (validity, nulls) = Validity(values.Select(v => v.HasValue).ToArray());
        return new ArrayData(type, values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(raw)]);
    }

    public static ArrayData Boolean(params bool?[] values)
    {
        var bits = new BitmapBuilder();
        foreach (var v in values)
        {
            bits.Append(v ?? false);
        }

        var (validity, nulls) = Validity(values.Select(v => v.HasValue).ToArray());
        return new ArrayData(ArrowType.Boolean, values.Length, nulls, 0, [validity, bits.Build()]);
    }

    public static ArrayData Strings(params string?[] values) => Binary(ArrowType.Utf8, values.Select(v => v is null ? null : Encoding.UTF8.GetBytes(v)).ToArray());

    public static ArrayData Binary(ArrowType type, params byte[]?[] values)
    {
        var data = new List<byte>();
        var large = type.Id is ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8;
        var offsets32 = new List<int> { 0 };
        var offsets64 = new List<long> { 0 };
        foreach (var v in values)
        {
            if (v is not null)
            {
                data.AddRange(v);
            }

            offsets32.Add(data.Count);
            offsets64.Add(data.Count);
        }

        var (validity, nulls) = Validity(values.Select(v => v is not null).ToArray());
        var offsets = large ? ArrowBuffer.FromArray(offsets64.ToArray()) : ArrowBuffer.FromArray(offsets32.ToArray());
        return new ArrayData(type, values.Length, nulls, 0, [validity, offsets, ArrowBuffer.FromArray(data.ToArray())]);
    }

    /// <summary>utf8_view / binary_view: short values inline, long ones in one variadic buffer.</summary>
    public static ArrayData View(ArrowType type, params byte[]?[] values)
    {
        var views = new byte[values.Length * 16];
        var data = new List<byte>();
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i] ?? [];
            var view = views.AsSpan(i * 16, 16);
            MemoryMarshal.Write(view, v.Length);
            if (v.Length <= 12)
            {
                v.CopyTo(view[4..]);
            }
            else
            {
                v.AsSpan(0, 4).CopyTo(view[4..]);
                MemoryMarshal.Write(view[8..], 0);
                MemoryMarshal.Write(view[12..], data.Count);
                data.AddRange(v);
            }
        }

        var (validity, nulls) = Validity(values.Select(v => v is not null).ToArray());
        return new ArrayData(type, values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(views), ArrowBuffer.FromArray(data.ToArray())]);
    }

    public static ArrayData FixedBinary(int width, params byte[]?[] values)
    {
        var bytes = new byte[values.Length * width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i]?.CopyTo(bytes, i * width);
        }

        var (validity, nulls) = Validity(values.Select(v => v is not null).ToArray());
        return new ArrayData(new FixedSizeBinaryType(width), values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(bytes)]);
    }

    public static ArrayData Decimal(int precision, int scale, int bitWidth, params string?[] unscaled)
    {
        var width = bitWidth / 8;
        var bytes = new byte[unscaled.Length * width];
        for (var i = 0; i < unscaled.Length; i++)
        {
            if (unscaled[i] is { } s)
            {
                var big = System.Numerics.BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
                var le = big.ToByteArray(isUnsigned: false, isBigEndian: false);
                var fill = big.Sign < 0 ? (byte)0xFF : (byte)0;
                for (var b = 0; b < width; b++)
                {
                    bytes[(i * width) + b] = b < le.Length ? le[b] : fill;
                }
            }
        }

        var (validity, nulls) = Validity(unscaled.Select(v => v is not null).ToArray());
        return new ArrayData(new DecimalType(precision, scale, bitWidth), unscaled.Length, nulls, 0, [validity, ArrowBuffer.FromArray(bytes)]);
    }

    /// <summary>A list (or large list) over <paramref name="child"/> with the given offsets; null lists where valid[i] is false.</summary>
    public static ArrayData List(ArrayData child, int[] offsets, bool[]? valid = null, ArrowTypeId id = ArrowTypeId.List, bool childNullable = true)
    {
        var type = new ListType(new Field("item", child.Type, childNullable), id);
        var (validity, nulls) = Validity(valid ?? Enumerable.Repeat(true, offsets.Length - 1).ToArray());
        var offsetBuffer = id == ArrowTypeId.LargeList ? ArrowBuffer.FromArray(offsets.Select(o => (long)o).ToArray()) : ArrowBuffer.FromArray(offsets);
        return new ArrayData(type, offsets.Length - 1, nulls, 0, [validity, offsetBuffer], [child]);
    }

    public static ArrayData ListView(ArrayData child, int[] offsets, int[] sizes, bool[]? valid = null)
    {
        var type = new ListType(new Field("item", child.Type, true), ArrowTypeId.ListView);
        var (validity, nulls) = Validity(valid ?? Enumerable.Repeat(true, offsets.Length).ToArray());
        return new ArrayData(type, offsets.Length, nulls, 0, [validity, ArrowBuffer.FromArray(offsets), ArrowBuffer.FromArray(sizes)], [child]);
    }

    public static ArrayData FixedSizeList(ArrayData child, int size, bool[]? valid = null)
    {
        var length = child.Length / size;
        var type = new FixedSizeListType(new Field("item", child.Type, true), size);
        var (validity, nulls) = Validity(valid ?? Enumerable.Repeat(true, length).ToArray());
        return new ArrayData(type, length, nulls, 0, [validity], [child]);
    }

    public static ArrayData Struct(IReadOnlyList<Field> fields, ArrayData[] children, bool[]? valid = null)
    {
        var length = children.Length == 0 ? (valid?.Length ?? 0) : children[0].Length;
        var (validity, nulls) = Validity(valid ?? Enumerable.Repeat(true, length).ToArray());
        return new ArrayData(new StructType(fields), length, nulls, 0, [validity], children);
    }

    public static ArrayData Map(ArrayData keys, ArrayData values, int[] offsets, bool[]? valid = null)
    {
        var type = new MapType(keys.Type, values.Type);
        var entries = new ArrayData(type.EntriesField.Type, keys.Length, 0, 0, [ArrowBuffer.Empty], [keys, values]);
        var (validity, nulls) = Validity(valid ?? Enumerable.Repeat(true, offsets.Length - 1).ToArray());
        return new ArrayData(type, offsets.Length - 1, nulls, 0, [validity, ArrowBuffer.FromArray(offsets)], [entries]);
    }

    public static ArrayData Dictionary(ArrayData dictionary, params int?[] indices)
    {
        var idx = Primitive(ArrowType.Int32, indices);
        return new ArrayData(new DictionaryType(ArrowType.Int32, dictionary.Type), idx.Length, idx.NullCount, 0, idx.Buffers, null, dictionary);
    }

    public static ArrayData RunEndEncoded(int[] runEnds, ArrayData values)
    {
        var ends = Primitive(ArrowType.Int32, runEnds.Select(e => (int?)e).ToArray());
        var type = new RunEndEncodedType(new Field("run_ends", ArrowType.Int32, false), new Field("values", values.Type, true));
        return new ArrayData(type, runEnds[^1], 0, 0, [ArrowBuffer.Empty], [ends, values]);
    }

    public static ArrayData SparseUnion(IReadOnlyList<Field> fields, sbyte[] typeCodes, ArrayData[] children) =>
        new(new UnionType(fields, null, UnionMode.Sparse), typeCodes.Length, 0, 0, [ArrowBuffer.Empty, ArrowBuffer.FromArray(typeCodes)], children);

    public static ArrayData DenseUnion(IReadOnlyList<Field> fields, sbyte[] typeCodes, int[] offsets, ArrayData[] children) =>
        new(new UnionType(fields, null, UnionMode.Dense), typeCodes.Length, 0, 0, [ArrowBuffer.Empty, ArrowBuffer.FromArray(typeCodes), ArrowBuffer.FromArray(offsets)], children);

    public static RecordBatch Batch(params (string Name, ArrayData Data)[] columns) =>
        Batch(columns.Select(c => (new Field(c.Name, c.Data.Type), c.Data)).ToArray());

    public static RecordBatch Batch(params (Field Field, ArrayData Data)[] columns)
    {
        var schema = new Schema(columns.Select(c => c.Field).ToArray());
        var arrays = columns.Select(c => ArrowArray.Create(c.Data)).ToArray();
        return new RecordBatch(schema, arrays, columns.Length == 0 ? 0 : arrays[0].Length);
    }

    private static (ArrowBuffer Validity, int Nulls) Validity(bool[] valid)
    {
        var nulls = valid.Count(v => !v);
        if (nulls == 0)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new BitmapBuilder();
        foreach (var v in valid)
        {
            bits.Append(v);
        }

        return (bits.Build(), nulls);
    }
}
