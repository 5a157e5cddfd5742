using System.Buffers.Binary;
using System.Globalization;
using System.Text;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow;

public static partial class ArrayComparer
{
    /// <summary>One comparison run: options plus the top-level row being compared (for the report).</summary>
    private sealed class Comparison(ArrayComparisonOptions options)
    {
        private int _row;

        public ArrayDifference? CompareArrays(ArrowArray expected, ArrowArray actual, string path)
        {
            if (!TypesMatch(expected.Type, actual.Type, options))
            {
                return new ArrayDifference(path, -1, expected.Type.ToString(), actual.Type.ToString(), "type differs");
            }

            if (expected.Length != actual.Length)
            {
                return new ArrayDifference(path, -1, $"{expected.Length} values", $"{actual.Length} values", "length differs");
            }

            if (!options.DecodeDictionaries && expected is DictionaryArray de && actual is DictionaryArray da
                && CompareArrays(de.Dictionary, da.Dictionary, path + ".dictionary") is { } dictionaryDifference)
            {
                return dictionaryDifference;
            }

            for (var i = 0; i < expected.Length; i++)
            {
                _row = i;
                if (CompareElement(expected, i, actual, i, path) is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        private ArrayDifference? CompareElement(ArrowArray a, int i, ArrowArray b, int j, string path)
        {
            Resolve(ref a, ref i);
            Resolve(ref b, ref j);
            var validA = a.IsValid(i);
            var validB = b.IsValid(j);
            if (validA != validB)
            {
                return Difference(path, a, i, b, j, validA ? "expected a value, found null" : "expected null, found a value");
            }

            if (!validA)
            {
                return null;
            }

            switch (a.Type.Id)
            {
                case ArrowTypeId.Null:
                    return null;
                case ArrowTypeId.Boolean:
                    return ((BooleanArray)a).Value(i) == ((BooleanArray)b).Value(j) ? null : Difference(path, a, i, b, j, "value differs");
                case ArrowTypeId.Float16 or ArrowTypeId.Float32 or ArrowTypeId.Float64:
                    return FloatsEqual(FloatValue(a, i), FloatValue(b, j)) ? null : Difference(path, a, i, b, j, "value differs");
                case ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView
                    or ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View or ArrowTypeId.FixedSizeBinary:
                    return BinaryValue(a, i).SequenceEqual(BinaryValue(b, j)) ? null : Difference(path, a, i, b, j, "value differs");
                case ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.ListView or ArrowTypeId.LargeListView
                    or ArrowTypeId.Map or ArrowTypeId.FixedSizeList:
                    return CompareLists(a, i, b, j, path);
                case ArrowTypeId.Struct:
                    return CompareStructs((StructArray)a, i, (StructArray)b, j, path);
                case ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion:
                {
                    var ua = (UnionArray)a;
                    var ub = (UnionArray)b;
                    var ca = ua.ChildIndex(i);
                    var cb = ub.ChildIndex(j);
                    if (ca != cb)
                    {
                        return Difference(path, a, i, b, j, $"union member differs ({ua.UnionType.Fields[ca].Name} vs {ub.UnionType.Fields[cb].Name})");
                    }

                    return CompareElement(ua.Child(ca), ua.ChildOffset(i), ub.Child(cb), ub.ChildOffset(j), $"{path}<{ua.UnionType.Fields[ca].Name}>");
                }

                case ArrowTypeId.Dictionary:
                {
                    // Not decoding: the dictionaries were compared as arrays, the indices must match.
                    var ia = ((DictionaryArray)a).GetIndex(i);
                    var ib = ((DictionaryArray)b).GetIndex(j);
                    return ia == ib ? null : Difference(path, a, i, b, j, $"dictionary index differs ({ia} vs {ib})");
                }

                default:
                {
                    // Every other type is fixed-width: integers, decimals, temporal, intervals.
                    var width = a.Type.BitWidth / 8;
                    var va = a.Data.Buffers[1].Span.Slice((a.Offset + i) * width, width);
                    var vb = b.Data.Buffers[1].Span.Slice((b.Offset + j) * width, width);
                    return va.SequenceEqual(vb) ? null : Difference(path, a, i, b, j, "value differs");
                }
            }
        }

        private ArrayDifference? CompareLists(ArrowArray a, int i, ArrowArray b, int j, string path)
        {
            var (valuesA, startA, lengthA) = ListRange(a, i);
            var (valuesB, startB, lengthB) = ListRange(b, j);
            if (lengthA != lengthB)
            {
                return Difference(path, a, i, b, j, $"list length differs ({lengthA} vs {lengthB})");
            }

            for (var k = 0; k < lengthA; k++)
            {
                if (CompareElement(valuesA, startA + k, valuesB, startB + k, $"{path}[{k}]") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        private ArrayDifference? CompareStructs(StructArray a, int i, StructArray b, int j, string path)
        {
            for (var f = 0; f < a.StructType.Fields.Count; f++)
            {
                if (CompareElement(a.Field(f), i, b.Field(f), j, $"{path}.{a.StructType.Fields[f].Name}") is { } difference)
                {
                    return difference;
                }
            }

            return null;
        }

        private void Resolve(ref ArrowArray array, ref int index)
        {
            while (true)
            {
                if (array is DictionaryArray d && options.DecodeDictionaries)
                {
                    if (!d.IsValid(index))
                    {
                        return;
                    }

                    index = checked((int)d.GetIndex(index));
                    array = d.Dictionary;
                }
                else if (array is RunEndEncodedArray r)
                {
                    index = r.PhysicalIndex(index);
                    array = r.Values;
                }
                else
                {
                    return;
                }
            }
        }

        private bool FloatsEqual(double x, double y)
        {
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return options.NaNEqualsNaN && double.IsNaN(x) && double.IsNaN(y);
            }

            return x == y || Math.Abs(x - y) <= options.FloatTolerance;
        }

        private ArrayDifference Difference(string path, ArrowArray a, int i, ArrowArray b, int j, string problem) =>
            new(path, _row, Format(a, i), Format(b, j), problem);
    }

    private static double FloatValue(ArrowArray array, int index) => array switch
    {
        PrimitiveArray<Half> h => (double)h.Values[index],
        PrimitiveArray<float> f => f.Values[index],
        _ => ((PrimitiveArray<double>)array).Values[index],
    };

    private static ReadOnlySpan<byte> BinaryValue(ArrowArray array, int index) => array switch
    {
        BinaryArray b => b.GetBytes(index),
        LargeBinaryArray b => b.GetBytes(index),
        BinaryViewArray b => b.GetBytes(index),
        FixedSizeBinaryArray b => b.GetBytes(index),
        _ => throw new InvalidOperationException($"{array.Type} is not binary"),
    };

    /// <summary>The child array and the [start, start + length) range of list slot <paramref name="index"/>.</summary>
    private static (ArrowArray Values, int Start, int Length) ListRange(ArrowArray array, int index) => array switch
    {
        ListArray l => (l.Values, l.ValueOffsets[index], l.ValueLength(index)),
        LargeListArray l => (l.Values, checked((int)l.ValueOffsets[index]), checked((int)(l.ValueOffsets[index + 1] - l.ValueOffsets[index]))),
        ListViewArray l => (l.Values, checked((int)l.ValueOffset(index)), checked((int)l.ValueSize(index))),
        FixedSizeListArray f => (f.Values, (f.Offset + index) * f.ListSize, f.ListSize),
        _ => throw new InvalidOperationException($"{array.Type} is not a list"),
    };

    /// <summary>A short readable rendering of one slot for difference reports.</summary>
    private static string Format(ArrowArray array, int index)
    {
        if (!array.IsValid(index))
        {
            return "null";
        }

        var c = CultureInfo.InvariantCulture;
        switch (array)
        {
            case BooleanArray b:
                return b.Value(index) ? "true" : "false";
            case PrimitiveArray<Half> or PrimitiveArray<float> or PrimitiveArray<double>:
                return FloatValue(array, index).ToString("R", c);
            case DecimalArray d:
                return d.FormatValue(index);
            case BinaryArray or LargeBinaryArray or BinaryViewArray when array.Type.IsString:
                return "\"" + Encoding.UTF8.GetString(BinaryValue(array, index)) + "\"";
            case BinaryArray or LargeBinaryArray or BinaryViewArray or FixedSizeBinaryArray:
            {
                var bytes = BinaryValue(array, index);
                var hex = Convert.ToHexStringLower(bytes[..Math.Min(bytes.Length, 64)]);
                return bytes.Length > 64 ? $"0x{hex}... ({bytes.Length} bytes)" : $"0x{hex}";
            }

            case ListArray or LargeListArray or ListViewArray or FixedSizeListArray:
                return $"list of {ListRange(array, index).Length}";
            case StructArray:
                return "struct";
            case DictionaryArray d:
                return $"index {d.GetIndex(index)}";
            case UnionArray u:
                return $"union member {u.UnionType.Fields[u.ChildIndex(index)].Name}";
            default:
            {
                var width = array.Type.BitWidth / 8;
                var bytes = array.Data.Buffers[1].Span.Slice((array.Offset + index) * width, width);
                return width switch
                {
                    1 => (array.Type.IsSignedInteger ? ((sbyte)bytes[0]).ToString(c) : bytes[0].ToString(c)),
                    2 => array.Type.IsSignedInteger ? BinaryPrimitives.ReadInt16LittleEndian(bytes).ToString(c) : BinaryPrimitives.ReadUInt16LittleEndian(bytes).ToString(c),
                    4 => array.Type.Id == ArrowTypeId.UInt32 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes).ToString(c) : BinaryPrimitives.ReadInt32LittleEndian(bytes).ToString(c),
                    8 => array.Type.Id == ArrowTypeId.UInt64 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes).ToString(c) : BinaryPrimitives.ReadInt64LittleEndian(bytes).ToString(c),
                    _ => "0x" + Convert.ToHexStringLower(bytes),
                };
            }
        }
    }
}
