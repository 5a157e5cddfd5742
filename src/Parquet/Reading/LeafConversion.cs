using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Reading;

/// <summary>Converts dense physical values to the Arrow layout of the column's type (narrow ints, decimals, INT96).</summary>
internal static class LeafConversion
{
    private const long JulianDayOfUnixEpoch = 2_440_588;
    private const long NanosPerDay = 86_400_000_000_000;

    public static BufferBuilder ToArrowValues(SchemaNode leaf, ArrowType type, DecodedColumn column, string? source)
    {
        var physical = leaf.PhysicalType;
        var count = column.ValueCount;
        switch (type.Id)
        {
            case ArrowTypeId.Int8 or ArrowTypeId.UInt8 when physical == PhysicalType.Int32:
                return Narrow<byte>(column.Values, count);
            case ArrowTypeId.Int16 or ArrowTypeId.UInt16 when physical == PhysicalType.Int32:
                return Narrow<short>(column.Values, count);
            case ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256:
                return ToDecimal(leaf, ((DecimalType)type).BitWidth / 8, column, source);
            case ArrowTypeId.Timestamp when physical == PhysicalType.Int96:
                {
                    var src = column.Values.WrittenSpan;
                    var result = new BufferBuilder(count * 8);
                    for (var i = 0; i < count; i++)
                    {
                        var v = src.Slice(i * 12, 12);
                        var nanos = BinaryPrimitives.ReadInt64LittleEndian(v);
                        var day = BinaryPrimitives.ReadInt32LittleEndian(v[8..]);
                        result.Append(unchecked(((day - JulianDayOfUnixEpoch) * NanosPerDay) + nanos));
                    }

                    return result;
                }

            default:
                return column.Values;
        }
    }

    private static BufferBuilder Narrow<T>(BufferBuilder values, int count)
        where T : unmanaged
    {
        var src = values.AsSpan<int>();
        var result = new BufferBuilder(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        var dst = MemoryMarshal.Cast<byte, T>(result.GetSpan(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
        if (typeof(T) == typeof(byte))
        {
            var d = MemoryMarshal.Cast<T, byte>(dst);
            for (var i = 0; i < count; i++)
            {
                d[i] = unchecked((byte)src[i]);
            }
        }
        else
        {
            var d = MemoryMarshal.Cast<T, short>(dst);
            for (var i = 0; i < count; i++)
            {
                d[i] = unchecked((short)src[i]);
            }
        }

        result.Advance(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        return result;
    }

    private static BufferBuilder ToDecimal(SchemaNode leaf, int width, DecodedColumn column, string? source)
    {
        var count = column.ValueCount;
        var result = new BufferBuilder(count * width);
        var dst = result.GetSpan(count * width)[..(count * width)];
        switch (leaf.PhysicalType)
        {
            case PhysicalType.Int32:
                {
                    var src = column.Values.AsSpan<int>();
                    for (var i = 0; i < count; i++)
                    {
                        WriteSignExtended(dst.Slice(i * width, width), src[i]);
                    }

                    break;
                }

            case PhysicalType.Int64:
                {
                    var src = column.Values.AsSpan<long>();
                    for (var i = 0; i < count; i++)
                    {
                        WriteSignExtended(dst.Slice(i * width, width), src[i]);
                    }

                    break;
                }

            case PhysicalType.FixedLenByteArray:
                {
                    var length = leaf.Element.TypeLength ?? 0;
                    var src = column.Values.WrittenSpan;
                    for (var i = 0; i < count; i++)
                    {
                        BigEndianToLittle(src.Slice(i * length, length), dst.Slice(i * width, width), leaf, source);
                    }

                    break;
                }

            default:
                {
                    var offsets = column.Offsets!.AsSpan<int>();
                    var src = column.Values.WrittenSpan;
                    for (var i = 0; i < count; i++)
                    {
                        BigEndianToLittle(src[offsets[i]..offsets[i + 1]], dst.Slice(i * width, width), leaf, source);
                    }

                    break;
                }
        }

        result.Advance(count * width);
        return result;
    }

    private static void WriteSignExtended(Span<byte> dst, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(dst, value);
        dst[8..].Fill(value < 0 ? (byte)0xFF : (byte)0);
    }

    private static void BigEndianToLittle(ReadOnlySpan<byte> bigEndian, Span<byte> dst, SchemaNode leaf, string? source)
    {
        if (bigEndian.Length == 0)
        {
            dst.Clear();
            return;
        }

        var negative = (bigEndian[0] & 0x80) != 0;
        var fill = negative ? (byte)0xFF : (byte)0;
        if (bigEndian.Length > dst.Length)
        {
            // Wider than the Arrow decimal: the extra leading bytes must be pure sign extension.
            var extra = bigEndian.Length - dst.Length;
            foreach (var b in bigEndian[..extra])
            {
                if (b != fill)
                {
                    throw new CorruptFileException(source, -1, $"decimal in column '{leaf.DottedPath}' does not fit {dst.Length * 8} bits");
                }
            }

            bigEndian = bigEndian[extra..];
        }

        var n = bigEndian.Length;
        for (var k = 0; k < n; k++)
        {
            dst[k] = bigEndian[n - 1 - k];
        }

        dst[n..].Fill(fill);
    }
}
