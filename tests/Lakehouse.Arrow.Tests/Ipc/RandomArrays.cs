using System.Runtime.InteropServices;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>
/// Deterministic random array data of any type, built buffer by buffer (independent of the builders):
/// nulls at a given rate, edge values in the first slots (min/max integers, empty strings), and
/// multi-byte UTF-8 strings.
/// </summary>
internal sealed class RandomArrays(int seed)
{
    private static readonly string[] s_words = ["", "a", "héllo", "日本語", "emoji 😀", "long string that is definitely longer than twelve bytes", "x", "Ω≈ç√", "tab\tnewline\n"];
    private readonly Random _random = new(seed);

    public double NullRate { get; set; } = 0.2;

    public ArrayData Generate(ArrowType type, int length, bool nullable = true)
    {
        var (validity, nulls) = Validity(length, nullable && type.Id is not (ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion or ArrowTypeId.RunEndEncoded));
        switch (type)
        {
            case PrimitiveType { Id: ArrowTypeId.Null }:
                return new ArrayData(type, length, length, 0, []);
            case PrimitiveType { Id: ArrowTypeId.Boolean }:
                return new ArrayData(type, length, nulls, 0, [validity, ArrowBuffer.FromArray(RandomBytes((length + 7) / 8))]);
            case DictionaryType dict:
            {
                var dictionary = Generate(dict.ValueType, 1 + _random.Next(12), nullable: true);
                return WithIndices(dict, dictionary, length, validity, nulls);
            }

            case BinaryType { IsView: true } bt:
                return Views(bt, length, validity, nulls);
            case BinaryType bt:
            {
                var values = Values(bt.IsString, length);
                var data = values.SelectMany(v => v).ToArray();
                var offsets = new long[length + 1];
                for (var i = 0; i < length; i++)
                {
                    offsets[i + 1] = offsets[i] + values[i].Length;
                }

                var offsetBuffer = bt.IsLarge ? ArrowBuffer.FromArray(offsets) : ArrowBuffer.FromArray(offsets.Select(o => (int)o).ToArray());
                return new ArrayData(type, length, nulls, 0, [validity, offsetBuffer, ArrowBuffer.FromArray(data)]);
            }

            case ListType { IsView: true } lv:
            {
                var childLength = 3 * length;
                var child = Generate(lv.ValueType, childLength, lv.ValueField.IsNullable);
                var offsets = new long[length];
                var sizes = new long[length];
                for (var i = 0; i < length; i++)
                {
                    sizes[i] = _random.Next(4);
                    offsets[i] = _random.Next(childLength - (int)sizes[i] + 1);
                }

                return lv.IsLarge
                    ? new ArrayData(type, length, nulls, 0, [validity, ArrowBuffer.FromArray(offsets), ArrowBuffer.FromArray(sizes)], [child])
                    : new ArrayData(type, length, nulls, 0, [validity, ArrowBuffer.FromArray(offsets.Select(o => (int)o).ToArray()), ArrowBuffer.FromArray(sizes.Select(o => (int)o).ToArray())], [child]);
            }

            case ListType or MapType:
            {
                var offsets = new long[length + 1];
                for (var i = 0; i < length; i++)
                {
                    offsets[i + 1] = offsets[i] + _random.Next(4);
                }

                var childField = type is ListType l ? l.ValueField : ((MapType)type).EntriesField;
                var child = Generate(childField.Type, (int)offsets[length], childField.IsNullable);
                var offsetBuffer = type is ListType { IsLarge: true } ? ArrowBuffer.FromArray(offsets) : ArrowBuffer.FromArray(offsets.Select(o => (int)o).ToArray());
                return new ArrayData(type, length, nulls, 0, [validity, offsetBuffer], [child]);
            }

            case FixedSizeListType fl:
                return new ArrayData(type, length, nulls, 0, [validity], [Generate(fl.ValueType, length * fl.ListSize, fl.ValueField.IsNullable)]);
            case StructType st:
                return new ArrayData(type, length, nulls, 0, [validity], st.Fields.Select(f => Generate(f.Type, length, f.IsNullable)).ToArray());
            case UnionType u:
            {
                var codes = new sbyte[length];
                var childIndex = new int[length];
                for (var i = 0; i < length; i++)
                {
                    childIndex[i] = _random.Next(u.Fields.Count);
                    codes[i] = (sbyte)u.TypeCodes[childIndex[i]];
                }

                if (u.Mode == UnionMode.Sparse)
                {
                    return new ArrayData(type, length, 0, 0, [ArrowBuffer.Empty, ArrowBuffer.FromArray(codes)], u.Fields.Select(f => Generate(f.Type, length, f.IsNullable)).ToArray());
                }

                var counts = new int[u.Fields.Count];
                var offsets = new int[length];
                for (var i = 0; i < length; i++)
                {
                    offsets[i] = counts[childIndex[i]]++;
                }

                var children = u.Fields.Select((f, k) => Generate(f.Type, counts[k], f.IsNullable)).ToArray();
                return new ArrayData(type, length, 0, 0, [ArrowBuffer.Empty, ArrowBuffer.FromArray(codes), ArrowBuffer.FromArray(offsets)], children);
            }

            case RunEndEncodedType ree:
            {
                var ends = new List<long>();
                long at = 0;
                while (at < length)
                {
                    at = Math.Min(length, at + 1 + _random.Next(5));
                    ends.Add(at);
                }

                var runEnds = ree.RunEndsField.Type.Id switch
                {
                    ArrowTypeId.Int16 => ArrowBuffer.FromArray(ends.Select(e => (short)e).ToArray()),
                    ArrowTypeId.Int32 => ArrowBuffer.FromArray(ends.Select(e => (int)e).ToArray()),
                    _ => ArrowBuffer.FromArray(ends.ToArray()),
                };
                var runEndsData = new ArrayData(ree.RunEndsField.Type, ends.Count, 0, 0, [ArrowBuffer.Empty, runEnds]);
                return new ArrayData(type, length, 0, 0, [], [runEndsData, Generate(ree.ValuesField.Type, ends.Count, true)]);
            }

            default:
            {
                var width = type.BitWidth / 8;
                var bytes = RandomBytes(length * width);
                if (type.IsInteger && width <= 8)
                {
                    // Edge values first: minimum and maximum of the type.
                    if (length > 0)
                    {
                        Array.Fill(bytes, (byte)0, 0, width);
                        bytes[width - 1] = type.IsSignedInteger ? (byte)0x80 : (byte)0;
                    }

                    if (length > 1)
                    {
                        Array.Fill(bytes, (byte)0xFF, width, width);
                        bytes[(2 * width) - 1] = type.IsSignedInteger ? (byte)0x7F : (byte)0xFF;
                    }
                }

                return new ArrayData(type, length, nulls, 0, [validity, ArrowBuffer.FromArray(bytes)]);
            }
        }
    }

    public ArrayData WithIndices(DictionaryType dict, ArrayData dictionary, int length, ArrowBuffer validity, int nulls)
    {
        var width = dict.IndexType.BitWidth / 8;
        var bytes = new byte[length * width];
        for (var i = 0; i < length; i++)
        {
            long index = _random.Next(dictionary.Length);
            MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in index))[..width].CopyTo(bytes.AsSpan(i * width));
        }

        return new ArrayData(dict, length, nulls, 0, [validity, ArrowBuffer.FromArray(bytes)], null, dictionary);
    }

    public (ArrowBuffer Validity, int Nulls) Validity(int length, bool nullable)
    {
        if (!nullable || NullRate <= 0)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new byte[(length + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < length; i++)
        {
            if (_random.NextDouble() >= NullRate)
            {
                BitUtil.SetBit(bits, i);
            }
            else
            {
                nulls++;
            }
        }

        return nulls == 0 ? (ArrowBuffer.Empty, 0) : (ArrowBuffer.FromArray(bits), nulls);
    }

    private byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        _random.NextBytes(b);
        return b;
    }

    private byte[][] Values(bool isString, int length)
    {
        var values = new byte[length][];
        for (var i = 0; i < length; i++)
        {
            values[i] = i == 0 ? [] : isString
                ? Encoding.UTF8.GetBytes(s_words[_random.Next(s_words.Length)] + (_random.Next(3) == 0 ? _random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty))
                : RandomBytes(_random.Next(20));
        }

        return values;
    }

    private ArrayData Views(BinaryType type, int length, ArrowBuffer validity, int nulls)
    {
        var values = Values(type.IsString, length);
        var views = new byte[length * 16];
        var buffers = new List<byte>[] { [], [] };
        for (var i = 0; i < length; i++)
        {
            var v = values[i];
            var view = views.AsSpan(i * 16, 16);
            MemoryMarshal.Write(view, v.Length);
            if (v.Length <= 12)
            {
                v.CopyTo(view[4..]);
                continue;
            }

            var which = i % 2;
            v.AsSpan(0, 4).CopyTo(view[4..]);
            MemoryMarshal.Write(view[8..], which);
            MemoryMarshal.Write(view[12..], buffers[which].Count);
            buffers[which].AddRange(v);
        }

        return new ArrayData(type, length, nulls, 0, [validity, ArrowBuffer.FromArray(views), ArrowBuffer.FromArray(buffers[0].ToArray()), ArrowBuffer.FromArray(buffers[1].ToArray())]);
    }

    public RecordBatch Batch(Schema schema, int length) =>
        new(schema, schema.Fields.Select(f => ArrowArray.Create(Generate(f.Type, length, f.IsNullable))).ToArray(), length);
}
