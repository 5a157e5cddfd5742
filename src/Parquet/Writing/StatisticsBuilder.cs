using System.Buffers.Binary;
using System.Text;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Computes column chunk min/max in the column's sort order (signed or unsigned integers, floats ignoring
/// NaN with -0/+0 widened, unsigned lexicographic bytes, signed big-endian decimals) and truncates long
/// binary bounds (min cut to a prefix, max cut and incremented) marking them inexact.
/// </summary>
internal static class StatisticsBuilder
{
    public static ValueOrder OrderOf(WriteLeaf leaf) => leaf.PhysicalType switch
    {
        PhysicalType.Boolean => ValueOrder.Boolean,
        PhysicalType.Int32 => leaf.Element.LogicalType is { Kind: LogicalTypeKind.Integer, IsSigned: false } ? ValueOrder.UInt32 : ValueOrder.Int32,
        PhysicalType.Int64 => leaf.Element.LogicalType is { Kind: LogicalTypeKind.Integer, IsSigned: false } ? ValueOrder.UInt64 : ValueOrder.Int64,
        PhysicalType.Float => ValueOrder.Float,
        PhysicalType.Double => ValueOrder.Double,
        PhysicalType.FixedLenByteArray when leaf.Element.LogicalType?.Kind == LogicalTypeKind.Float16 => ValueOrder.Float16,
        PhysicalType.FixedLenByteArray when leaf.Element.LogicalType?.Kind == LogicalTypeKind.Decimal => ValueOrder.SignedBigEndian,
        _ => ValueOrder.Bytes,
    };

    /// <summary>Compares two plain-encoded values (byte arrays without length prefix).</summary>
    public static int Compare(ValueOrder order, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => order switch
    {
        ValueOrder.Boolean => a[0].CompareTo(b[0]),
        ValueOrder.Int32 => BinaryPrimitives.ReadInt32LittleEndian(a).CompareTo(BinaryPrimitives.ReadInt32LittleEndian(b)),
        ValueOrder.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(a).CompareTo(BinaryPrimitives.ReadUInt32LittleEndian(b)),
        ValueOrder.Int64 => BinaryPrimitives.ReadInt64LittleEndian(a).CompareTo(BinaryPrimitives.ReadInt64LittleEndian(b)),
        ValueOrder.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(a).CompareTo(BinaryPrimitives.ReadUInt64LittleEndian(b)),
        ValueOrder.Float => BinaryPrimitives.ReadSingleLittleEndian(a).CompareTo(BinaryPrimitives.ReadSingleLittleEndian(b)),
        ValueOrder.Double => BinaryPrimitives.ReadDoubleLittleEndian(a).CompareTo(BinaryPrimitives.ReadDoubleLittleEndian(b)),
        ValueOrder.Float16 => BinaryPrimitives.ReadHalfLittleEndian(a).CompareTo(BinaryPrimitives.ReadHalfLittleEndian(b)),
        ValueOrder.SignedBigEndian => CompareSignedBigEndian(a, b),
        _ => a.SequenceCompareTo(b),
    };

    /// <summary>Min and max over the buffer's values; null when there is no non-NaN value.</summary>
    public static (byte[] Min, byte[] Max)? MinMax(ColumnBuffer buffer, ValueOrder order)
    {
        var count = buffer.ValueCount;
        if (count == 0)
        {
            return null;
        }

        var width = buffer.Offsets is null ? Width(buffer) : 0;
        var minIndex = -1;
        var maxIndex = -1;
        switch (order)
        {
            case ValueOrder.Int32:
                (minIndex, maxIndex) = MinMaxIndex(buffer.Values.AsSpan<int>()[..count]);
                break;
            case ValueOrder.UInt32:
                (minIndex, maxIndex) = MinMaxIndex(buffer.Values.AsSpan<uint>()[..count]);
                break;
            case ValueOrder.Int64:
                (minIndex, maxIndex) = MinMaxIndex(buffer.Values.AsSpan<long>()[..count]);
                break;
            case ValueOrder.UInt64:
                (minIndex, maxIndex) = MinMaxIndex(buffer.Values.AsSpan<ulong>()[..count]);
                break;
            case ValueOrder.Double:
                (minIndex, maxIndex) = MinMaxIndexIgnoringNaN(buffer.Values.AsSpan<double>()[..count]);
                break;
            case ValueOrder.Float:
                (minIndex, maxIndex) = MinMaxIndexIgnoringNaN(buffer.Values.AsSpan<float>()[..count]);
                break;
            case ValueOrder.Bytes when buffer.Offsets is { } offsets:
                (minIndex, maxIndex) = MinMaxIndexBytes(buffer.Values.WrittenSpan, offsets.AsSpan<int>(), count);
                break;
            default:
                (minIndex, maxIndex) = MinMaxIndexGeneric(buffer, order, width, count);
                break;
        }

        if (minIndex < 0)
        {
            return null;
        }

        return Finish(buffer, order, width, minIndex, maxIndex);
    }

    private static (int Min, int Max) MinMaxIndex<T>(ReadOnlySpan<T> values)
        where T : struct, IComparable<T>
    {
        var min = 0;
        var max = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i].CompareTo(values[min]) < 0)
            {
                min = i;
            }
            else if (values[i].CompareTo(values[max]) > 0)
            {
                max = i;
            }
        }

        return (min, max);
    }

    private static (int Min, int Max) MinMaxIndexBytes(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, int count)
    {
        var min = 0;
        var max = 0;
        var minValue = data[offsets[0]..offsets[1]];
        var maxValue = minValue;
        for (var i = 1; i < count; i++)
        {
            var v = data[offsets[i]..offsets[i + 1]];
            if (v.SequenceCompareTo(minValue) < 0)
            {
                min = i;
                minValue = v;
            }
            else if (v.SequenceCompareTo(maxValue) > 0)
            {
                max = i;
                maxValue = v;
            }
        }

        return (min, max);
    }

    private static (int Min, int Max) MinMaxIndexIgnoringNaN<T>(ReadOnlySpan<T> values)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var min = -1;
        var max = -1;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (T.IsNaN(v))
            {
                continue;
            }

            if (min < 0)
            {
                min = max = i;
            }
            else if (v < values[min])
            {
                min = i;
            }
            else if (v > values[max])
            {
                max = i;
            }
        }

        return (min, max);
    }

    private static (int Min, int Max) MinMaxIndexGeneric(ColumnBuffer buffer, ValueOrder order, int width, int count)
    {
        var minIndex = -1;
        var maxIndex = -1;
        for (var i = 0; i < count; i++)
        {
            var v = ValueAt(buffer, i, width);
            if (IsNaN(order, v))
            {
                continue;
            }

            if (minIndex < 0)
            {
                minIndex = maxIndex = i;
                continue;
            }

            if (Compare(order, v, ValueAt(buffer, minIndex, width)) < 0)
            {
                minIndex = i;
            }

            if (Compare(order, v, ValueAt(buffer, maxIndex, width)) > 0)
            {
                maxIndex = i;
            }
        }

        return (minIndex, maxIndex);
    }

    private static (byte[] Min, byte[] Max) Finish(ColumnBuffer buffer, ValueOrder order, int width, int minIndex, int maxIndex)
    {
        var min = ValueAt(buffer, minIndex, width).ToArray();
        var max = ValueAt(buffer, maxIndex, width).ToArray();

        // A zero bound is written as -0 for min and +0 for max (Parquet's rule for floating point).
        switch (order)
        {
            case ValueOrder.Float:
                if (BinaryPrimitives.ReadSingleLittleEndian(min) == 0)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(min, -0.0f);
                }

                if (BinaryPrimitives.ReadSingleLittleEndian(max) == 0)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(max, 0.0f);
                }

                break;
            case ValueOrder.Double:
                if (BinaryPrimitives.ReadDoubleLittleEndian(min) == 0)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(min, -0.0);
                }

                if (BinaryPrimitives.ReadDoubleLittleEndian(max) == 0)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(max, 0.0);
                }

                break;
            case ValueOrder.Float16:
                if (BinaryPrimitives.ReadHalfLittleEndian(min) == Half.Zero)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(min, Half.NegativeZero);
                }

                if (BinaryPrimitives.ReadHalfLittleEndian(max) == Half.Zero)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(max, Half.Zero);
                }

                break;
            default:
                break;
        }

        return (min, max);
    }

    /// <summary>Builds the Statistics struct, truncating long byte-array bounds.</summary>
    public static Statistics Build(ColumnBuffer buffer, ValueOrder order, int truncateLength, out byte[]? lower, out byte[]? upper)
    {
        var stats = new Statistics { NullCount = buffer.NullCount };
        if (order is ValueOrder.Float or ValueOrder.Double or ValueOrder.Float16)
        {
            stats.NanCount = buffer.NanCount;
        }

        lower = upper = null;
        if (MinMax(buffer, order) is not { } mm)
        {
            return stats;
        }

        var isString = buffer.Leaf.ValueType.IsString;
        var min = mm.Min;
        var max = mm.Max;
        var minExact = true;
        var maxExact = true;
        if (order == ValueOrder.Bytes && buffer.Offsets is not null)
        {
            if (min.Length > truncateLength)
            {
                min = TruncateMin(min, truncateLength, isString);
                minExact = false;
            }

            if (max.Length > truncateLength)
            {
                max = TruncateMax(max, truncateLength, isString)!;
                maxExact = false;
            }
        }

        stats.MinValue = min;
        stats.IsMinValueExact = minExact;
        lower = min;
        if (max is not null)
        {
            stats.MaxValue = max;
            stats.IsMaxValueExact = maxExact;
            upper = max;
        }

        return stats;
    }

    internal static byte[] TruncateMin(byte[] value, int length, bool utf8)
    {
        var cut = utf8 ? Utf8Boundary(value, length) : length;
        return value[..cut];
    }

    /// <summary>The shortest prefix-based upper bound of at most <paramref name="length"/> bytes, or null when none exists.</summary>
    internal static byte[]? TruncateMax(byte[] value, int length, bool utf8)
    {
        if (utf8)
        {
            var text = System.Text.Encoding.UTF8.GetString(value, 0, Utf8Boundary(value, length));
            var runes = new List<Rune>(text.EnumerateRunes());
            for (var i = runes.Count - 1; i >= 0; i--)
            {
                var next = runes[i].Value + 1;
                if (next is >= 0xD800 and <= 0xDFFF)
                {
                    next = 0xE000;
                }

                if (next <= 0x10FFFF)
                {
                    var sb = new StringBuilder();
                    for (var k = 0; k < i; k++)
                    {
                        sb.Append(runes[k].ToString());
                    }

                    sb.Append(new Rune(next).ToString());
                    return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
                }
            }

            return null;
        }

        var prefix = value[..length];
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                prefix[i]++;
                return prefix[..(i + 1)];
            }
        }

        return null;
    }

    private static int Utf8Boundary(byte[] value, int length)
    {
        var cut = Math.Min(length, value.Length);
        while (cut > 0 && cut < value.Length && (value[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }

    private static int CompareSignedBigEndian(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length.CompareTo(b.Length);
        }

        var c = ((sbyte)a[0]).CompareTo((sbyte)b[0]);
        return c != 0 ? c : a[1..].SequenceCompareTo(b[1..]);
    }

    private static bool IsNaN(ValueOrder order, ReadOnlySpan<byte> v) => order switch
    {
        ValueOrder.Float => float.IsNaN(BinaryPrimitives.ReadSingleLittleEndian(v)),
        ValueOrder.Double => double.IsNaN(BinaryPrimitives.ReadDoubleLittleEndian(v)),
        ValueOrder.Float16 => Half.IsNaN(BinaryPrimitives.ReadHalfLittleEndian(v)),
        _ => false,
    };

    internal static int Width(ColumnBuffer buffer) => buffer.Leaf.PhysicalType switch
    {
        PhysicalType.Boolean => 1,
        PhysicalType.Int32 or PhysicalType.Float => 4,
        PhysicalType.Int64 or PhysicalType.Double => 8,
        _ => buffer.Leaf.TypeLength,
    };

    internal static ReadOnlySpan<byte> ValueAt(ColumnBuffer buffer, int i, int width)
    {
        if (buffer.Offsets is { } offsets)
        {
            var o = offsets.AsSpan<int>();
            return buffer.Values.WrittenSpan[o[i]..o[i + 1]];
        }

        return buffer.Values.WrittenSpan.Slice(i * width, width);
    }
}
