using System.Buffers.Binary;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>
/// The column-at-a-time form of <see cref="SortKeyEncoder"/> for flat key types (booleans, integers, floats,
/// decimals, strings, binary, uuid): row key sizes are summed per column, then each column writes its values
/// into every row's slot with one type dispatch and one typed span per column instead of per value. The bytes
/// are identical to the row-at-a-time encoding.
/// </summary>
internal static class ColumnarKeyEncoder
{
    public const byte NullFirst = 0x00;
    public const byte Valid = 0x01;
    public const byte NullLast = 0x02;

    public static bool Supports(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth or SqlTypeKind.BigInt or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone or SqlTypeKind.IntervalDayToSecond or SqlTypeKind.Real
        or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json or SqlTypeKind.Uuid;

    public static EncodedKeys Encode(IReadOnlyList<ArrowArray> columns, IReadOnlyList<SqlType> types, IReadOnlyList<bool> descending, IReadOnlyList<bool> nullsFirst, int rowCount)
    {
        var offsets = new int[rowCount + 1];
        var sizes = offsets.AsSpan(1);
        bool[]? anyNull = null;
        for (var c = 0; c < columns.Count; c++)
        {
            AddSizes(columns[c], types[c], sizes, ref anyNull);
        }

        long total = 0;
        for (var r = 0; r < rowCount; r++)
        {
            total += sizes[r];
            offsets[r + 1] = total <= Array.MaxLength ? (int)total : throw new SqlException(SqlErrorKind.Execution, $"the sort/group keys of one batch exceed {Array.MaxLength} bytes");
        }

        var data = new byte[Math.Max(1, (int)total)];
        var cursor = offsets.AsSpan(0, rowCount).ToArray();
        for (var c = 0; c < columns.Count; c++)
        {
            Write(columns[c], types[c], data, cursor, descending[c], nullsFirst[c]);
        }

        return new EncodedKeys(data, offsets, anyNull, rowCount);
    }

    private static int FixedWidth(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.Boolean or SqlTypeKind.TinyInt => 1,
        SqlTypeKind.SmallInt => 2,
        SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth => 4,
        SqlTypeKind.Decimal or SqlTypeKind.Uuid => 16,
        SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json => -1,
        _ => 8,
    };

    private static void AddSizes(ArrowArray column, SqlType type, Span<int> sizes, ref bool[]? anyNull)
    {
        var hasNulls = column.NullCount > 0;
        if (hasNulls)
        {
            anyNull ??= new bool[sizes.Length];
        }

        var width = FixedWidth(type.Kind);
        if (width > 0)
        {
            for (var r = 0; r < sizes.Length; r++)
            {
                if (hasNulls && column.IsNull(r))
                {
                    anyNull![r] = true;
                    sizes[r] += 1;
                }
                else
                {
                    sizes[r] += 1 + width;
                }
            }

            return;
        }

        var binary = (BinaryArray)column;
        var valueOffsets = binary.ValueOffsets;
        var bytes = binary.ValueData;
        for (var r = 0; r < sizes.Length; r++)
        {
            if (hasNulls && column.IsNull(r))
            {
                anyNull![r] = true;
                sizes[r] += 1;
                continue;
            }

            var value = bytes[valueOffsets[r]..valueOffsets[r + 1]];
            var zeros = value.IndexOf((byte)0) < 0 ? 0 : value.Count((byte)0);
            sizes[r] += 1 + value.Length + zeros + 2;
        }
    }

    private static void Write(ArrowArray column, SqlType type, byte[] data, int[] cursor, bool descending, bool nullsFirst)
    {
        var nullMarker = nullsFirst ? NullFirst : NullLast;
        var hasNulls = column.NullCount > 0;
        var n = cursor.Length;
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                {
                    var booleans = (BooleanArray)column;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            data[cursor[r]++] = booleans.Value(r) ? (byte)1 : (byte)0;
                        }
                    }

                    break;
                }

            case SqlTypeKind.TinyInt:
                {
                    var values = ((PrimitiveArray<sbyte>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            data[cursor[r]++] = (byte)(values[r] ^ unchecked((sbyte)0x80));
                        }
                    }

                    break;
                }

            case SqlTypeKind.SmallInt:
                {
                    var values = ((PrimitiveArray<short>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(cursor[r]), (ushort)(values[r] ^ short.MinValue));
                            cursor[r] += 2;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth:
                {
                    var values = ((PrimitiveArray<int>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(cursor[r]), (uint)(values[r] ^ int.MinValue));
                            cursor[r] += 4;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Real:
                {
                    var values = ((PrimitiveArray<float>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(cursor[r]), NormalizedDouble(values[r]));
                            cursor[r] += 8;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Double:
                {
                    var values = ((PrimitiveArray<double>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(cursor[r]), NormalizedDouble(values[r]));
                            cursor[r] += 8;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Decimal:
                {
                    var decimals = (DecimalArray)column;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt128BigEndian(data.AsSpan(cursor[r]), (UInt128)(decimals.UnscaledInt128(r) ^ Int128.MinValue));
                            cursor[r] += 16;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Uuid:
                {
                    var uuids = (FixedSizeBinaryArray)column;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            uuids.GetBytes(r).CopyTo(data.AsSpan(cursor[r]));
                            cursor[r] += 16;
                        }
                    }

                    break;
                }

            case SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json:
                {
                    var binary = (BinaryArray)column;
                    var valueOffsets = binary.ValueOffsets;
                    var bytes = binary.ValueData;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            cursor[r] += WriteEscaped(bytes[valueOffsets[r]..valueOffsets[r + 1]], data.AsSpan(cursor[r]));
                        }
                    }

                    break;
                }

            default:
                {
                    // 8-byte integer kinds: bigint, time, timestamps, day-second intervals.
                    var values = ((PrimitiveArray<long>)column).Values;
                    for (var r = 0; r < n; r++)
                    {
                        if (!Marker(data, cursor, r, hasNulls && column.IsNull(r), nullMarker))
                        {
                            BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(cursor[r]), (ulong)(values[r] ^ long.MinValue));
                            cursor[r] += 8;
                        }
                    }

                    break;
                }
        }

        if (descending)
        {
            Invert(column, type, data, cursor);
        }
    }

    /// <summary>Writes the null/valid marker; true when the value is null (nothing more to write).</summary>
    private static bool Marker(byte[] data, int[] cursor, int row, bool isNull, byte nullMarker)
    {
        data[cursor[row]++] = isNull ? nullMarker : Valid;
        return isNull;
    }

    /// <summary>Inverts the bytes each row's value just wrote (after its marker), for DESC columns.</summary>
    private static void Invert(ArrowArray column, SqlType type, byte[] data, int[] cursor)
    {
        var width = FixedWidth(type.Kind);
        var binary = width < 0 ? (BinaryArray)column : null;
        for (var r = 0; r < cursor.Length; r++)
        {
            if (column.IsNull(r))
            {
                continue;
            }

            int written;
            if (binary is null)
            {
                written = width;
            }
            else
            {
                var value = binary.GetBytes(r);
                written = value.Length + (value.IndexOf((byte)0) < 0 ? 0 : value.Count((byte)0)) + 2;
            }

            foreach (ref var b in data.AsSpan(cursor[r] - written, written))
            {
                b = (byte)~b;
            }
        }
    }

    private static int WriteEscaped(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int p;
        if (value.IndexOf((byte)0) < 0)
        {
            value.CopyTo(destination);
            p = value.Length;
        }
        else
        {
            p = 0;
            foreach (var b in value)
            {
                destination[p++] = b;
                if (b == 0)
                {
                    destination[p++] = 0xFF;
                }
            }
        }

        destination[p] = 0;
        destination[p + 1] = 0;
        return p + 2;
    }

    /// <summary>Order-preserving unsigned form of a double: -0 = 0, one NaN above every number.</summary>
    public static ulong NormalizedDouble(double v)
    {
        if (v == 0)
        {
            v = 0;
        }
        else if (double.IsNaN(v))
        {
            v = double.NaN;
        }

        var bits = BitConverter.DoubleToInt64Bits(v);
        return bits < 0 ? ~(ulong)bits : (ulong)bits ^ 0x8000_0000_0000_0000UL;
    }
}
