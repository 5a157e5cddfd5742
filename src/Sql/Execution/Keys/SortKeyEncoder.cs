using System.Buffers.Binary;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>
/// Encodes the key columns of each row into one byte string whose byte-wise order is the SQL order
/// (DuckDB-style normalized keys): per column a null marker (placed first or last as asked), then the value
/// big-endian with the sign flipped (floats: sign-magnitude flipped; -0 = 0, one NaN, largest), strings with
/// 0x00 escaped and a 0x00 0x00 terminator, DESC columns inverted. Equal keys ⇔ equal values (GROUP BY,
/// DISTINCT, joins); the same bytes feed the hash tables.
/// </summary>
public static class SortKeyEncoder
{
    private const byte NullFirst = ColumnarKeyEncoder.NullFirst;
    private const byte Valid = ColumnarKeyEncoder.Valid;
    private const byte NullLast = ColumnarKeyEncoder.NullLast;

    public static EncodedKeys Encode(IReadOnlyList<ArrowArray> columns, IReadOnlyList<SqlType> types, IReadOnlyList<bool> descending, IReadOnlyList<bool> nullsFirst, int rowCount)
    {
        if (types.All(ColumnarKeyEncoder.Supports))
        {
            return ColumnarKeyEncoder.Encode(columns, types, descending, nullsFirst, rowCount);
        }

        var buffer = new KeyBuffer(Math.Max(64, rowCount * (columns.Count * 9)));
        var offsets = new int[rowCount + 1];
        bool[]? anyNull = null;
        for (var r = 0; r < rowCount; r++)
        {
            offsets[r] = buffer.Length;
            for (var c = 0; c < columns.Count; c++)
            {
                var col = columns[c];
                if (col.IsNull(r))
                {
                    (anyNull ??= new bool[rowCount])[r] = true;
                }

                WriteValue(ref buffer, col, types[c], r, descending[c], nullsFirst[c]);
            }
        }

        offsets[rowCount] = buffer.Length;
        return new EncodedKeys(buffer.Data, offsets, anyNull, rowCount);
    }

    /// <summary>Keys for equality only (GROUP BY, joins, DISTINCT): ascending, nulls first.</summary>
    public static EncodedKeys EncodeForEquality(IReadOnlyList<ArrowArray> columns, IReadOnlyList<SqlType> types, int rowCount)
    {
        var no = new bool[columns.Count];
        return Encode(columns, types, no, no, rowCount);
    }

    private static void WriteValue(ref KeyBuffer buffer, ArrowArray array, SqlType type, int row, bool descending, bool nullsFirst)
    {
        if (array.IsNull(row))
        {
            buffer.Append(nullsFirst ? NullFirst : NullLast);
            return;
        }

        buffer.Append(Valid);
        var start = buffer.Length;
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                buffer.Append(((BooleanArray)array).Value(row) ? (byte)1 : (byte)0);
                break;
            case SqlTypeKind.TinyInt:
                buffer.Append((byte)(((PrimitiveArray<sbyte>)array).Values[row] ^ unchecked((sbyte)0x80)));
                break;
            case SqlTypeKind.SmallInt:
                BinaryPrimitives.WriteUInt16BigEndian(buffer.Reserve(2), (ushort)(((PrimitiveArray<short>)array).Values[row] ^ short.MinValue));
                break;
            case SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth:
                BinaryPrimitives.WriteUInt32BigEndian(buffer.Reserve(4), (uint)(((PrimitiveArray<int>)array).Values[row] ^ int.MinValue));
                break;
            case SqlTypeKind.BigInt or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone or SqlTypeKind.IntervalDayToSecond:
                BinaryPrimitives.WriteUInt64BigEndian(buffer.Reserve(8), (ulong)(((PrimitiveArray<long>)array).Values[row] ^ long.MinValue));
                break;
            case SqlTypeKind.Real:
                {
                    var v = ((PrimitiveArray<float>)array).Values[row];
                    WriteDouble(ref buffer, v);
                    break;
                }

            case SqlTypeKind.Double:
                WriteDouble(ref buffer, ((PrimitiveArray<double>)array).Values[row]);
                break;
            case SqlTypeKind.Decimal:
                BinaryPrimitives.WriteUInt128BigEndian(buffer.Reserve(16), (UInt128)(((DecimalArray)array).UnscaledInt128(row) ^ Int128.MinValue));
                break;
            case SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json:
                WriteBytes(ref buffer, ((BinaryArray)array).GetBytes(row));
                break;
            case SqlTypeKind.Uuid:
                ((FixedSizeBinaryArray)array).GetBytes(row).CopyTo(buffer.Reserve(16));
                break;
            case SqlTypeKind.Array:
                {
                    var list = (ListArray)array;
                    var offsets = list.ValueOffsets;
                    for (var i = offsets[row]; i < offsets[row + 1]; i++)
                    {
                        buffer.Append(0x01);
                        WriteValue(ref buffer, list.Values, type.ElementType!, i, false, false);
                    }

                    buffer.Append(0x00);
                    break;
                }

            case SqlTypeKind.Map:
                {
                    var map = (MapArray)array;
                    var offsets = map.ValueOffsets;
                    for (var i = offsets[row]; i < offsets[row + 1]; i++)
                    {
                        buffer.Append(0x01);
                        WriteValue(ref buffer, map.Keys, type.ElementType!, i, false, false);
                        WriteValue(ref buffer, map.Items, type.ValueType!, i, false, false);
                    }

                    buffer.Append(0x00);
                    break;
                }

            case SqlTypeKind.Row:
                {
                    var st = (StructArray)array;
                    for (var f = 0; f < type.Fields.Count; f++)
                    {
                        WriteValue(ref buffer, st.Field(f), type.Fields[f].Type, row, false, false);
                    }

                    break;
                }

            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"cannot compare or group values of type {type}");
        }

        if (descending)
        {
            var written = buffer.Written(start);
            for (var i = 0; i < written.Length; i++)
            {
                written[i] = (byte)~written[i];
            }
        }
    }

    private static void WriteDouble(ref KeyBuffer buffer, double v) =>
        BinaryPrimitives.WriteUInt64BigEndian(buffer.Reserve(8), ColumnarKeyEncoder.NormalizedDouble(v));

    private static void WriteBytes(ref KeyBuffer buffer, ReadOnlySpan<byte> value)
    {
        var zeros = 0;
        foreach (var b in value)
        {
            if (b == 0)
            {
                zeros++;
            }
        }

        var dst = buffer.Reserve(value.Length + zeros + 2);
        if (zeros == 0)
        {
            value.CopyTo(dst);
        }
        else
        {
            var p = 0;
            foreach (var b in value)
            {
                dst[p++] = b;
                if (b == 0)
                {
                    dst[p++] = 0xFF;
                }
            }
        }

        dst[^2] = 0;
        dst[^1] = 0;
    }

    private struct KeyBuffer(int capacity)
    {
        public byte[] Data = new byte[capacity];
        public int Length;

        public void Append(byte b)
        {
            if (Length == Data.Length)
            {
                Array.Resize(ref Data, Data.Length * 2);
            }

            Data[Length++] = b;
        }

        public Span<byte> Reserve(int count)
        {
            if (Length + count > Data.Length)
            {
                Array.Resize(ref Data, Math.Max(Data.Length * 2, Length + count));
            }

            var span = Data.AsSpan(Length, count);
            Length += count;
            return span;
        }

        public readonly Span<byte> Written(int start) => Data.AsSpan(start, Length - start);
    }
}
