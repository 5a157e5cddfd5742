using System.Runtime.InteropServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>
/// Arrays from values and values from arrays (cold paths: literals, constant folding, tests, pushdown).
/// Value forms: bool, sbyte, short, int, long, float, double, <see cref="SqlDecimal"/>, string, byte[],
/// DateOnly, TimeOnly, DateTime (timestamp), DateTimeOffset (timestamp with time zone), TimeSpan (interval day
/// to second), int months (interval year to month), Guid, object?[] (array and row), KeyValuePair list (map).
/// </summary>
public static class ArrayFactory
{
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int s_epochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static ArrowArray Empty(ArrowType type) => Nulls(type, 0);

    /// <summary>An all-null array of <paramref name="length"/> slots.</summary>
    public static ArrowArray Nulls(ArrowType type, int length)
    {
        var builder = ArrayBuilder.Create(type);
        builder.AppendNulls(length);
        return builder.Build();
    }

    /// <summary>A one-slot array holding <paramref name="value"/> (null allowed) of <paramref name="type"/>.</summary>
    public static ArrowArray Single(SqlType type, object? value)
    {
        var builder = ArrayBuilder.Create(type.ArrowType);
        Append(builder, type, value);
        return builder.Build();
    }

    /// <summary>An array from values (nulls allowed).</summary>
    public static ArrowArray FromValues(SqlType type, IEnumerable<object?> values)
    {
        var builder = ArrayBuilder.Create(type.ArrowType);
        foreach (var v in values)
        {
            Append(builder, type, v);
        }

        return builder.Build();
    }

    public static void Append(ArrayBuilder builder, SqlType type, object? value)
    {
        if (value is null)
        {
            builder.AppendNull();
            return;
        }

        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                ((BooleanBuilder)builder).Append((bool)value);
                break;
            case SqlTypeKind.TinyInt:
                ((PrimitiveBuilder<sbyte>)builder).Append(Convert.ToSByte(value, null));
                break;
            case SqlTypeKind.SmallInt:
                ((PrimitiveBuilder<short>)builder).Append(Convert.ToInt16(value, null));
                break;
            case SqlTypeKind.Integer:
                ((PrimitiveBuilder<int>)builder).Append(Convert.ToInt32(value, null));
                break;
            case SqlTypeKind.BigInt:
                ((PrimitiveBuilder<long>)builder).Append(Convert.ToInt64(value, null));
                break;
            case SqlTypeKind.Real:
                ((PrimitiveBuilder<float>)builder).Append(Convert.ToSingle(value, null));
                break;
            case SqlTypeKind.Double:
                ((PrimitiveBuilder<double>)builder).Append(Convert.ToDouble(value, null));
                break;
            case SqlTypeKind.Decimal:
                {
                    var d = value switch
                    {
                        SqlDecimal s => s,
                        decimal m => SqlDecimal.Parse(m.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        _ => new SqlDecimal(Convert.ToInt64(value, null), 0),
                    };
                    ((DecimalBuilder)builder).AppendUnscaled(DecimalMath.Rescale(d.Unscaled, d.Scale, type.Scale));
                    break;
                }

            case SqlTypeKind.Varchar or SqlTypeKind.Json:
                ((BinaryBuilder)builder).Append((string)value);
                break;
            case SqlTypeKind.Varbinary:
                ((BinaryBuilder)builder).Append(((byte[])value).AsSpan());
                break;
            case SqlTypeKind.Date:
                ((PrimitiveBuilder<int>)builder).Append(value is DateOnly date ? date.DayNumber - s_epochDay : Convert.ToInt32(value, null));
                break;
            case SqlTypeKind.Time:
                ((PrimitiveBuilder<long>)builder).Append(value is TimeOnly t ? t.Ticks / 10 : Convert.ToInt64(value, null));
                break;
            case SqlTypeKind.Timestamp:
                ((PrimitiveBuilder<long>)builder).Append(value is DateTime dt ? (dt.Ticks - s_epochTicks) / 10 : Convert.ToInt64(value, null));
                break;
            case SqlTypeKind.TimestampWithTimeZone:
                ((PrimitiveBuilder<long>)builder).Append(value switch
                {
                    DateTimeOffset o => (o.UtcTicks - s_epochTicks) / 10,
                    DateTime d => (d.ToUniversalTime().Ticks - s_epochTicks) / 10,
                    _ => Convert.ToInt64(value, null),
                });
                break;
            case SqlTypeKind.IntervalDayToSecond:
                ((PrimitiveBuilder<long>)builder).Append(value is TimeSpan span ? span.Ticks / 10 : Convert.ToInt64(value, null));
                break;
            case SqlTypeKind.IntervalYearToMonth:
                ((PrimitiveBuilder<int>)builder).Append(Convert.ToInt32(value, null));
                break;
            case SqlTypeKind.Uuid:
                {
                    var bytes = value is Guid g ? g.ToByteArray(bigEndian: true) : (byte[])value;
                    builder.AppendObject(bytes);
                    break;
                }

            default:
                builder.AppendObject(value);
                break;
        }
    }

    /// <summary>The value of slot <paramref name="index"/> in the value forms listed on the class (null for a null slot).</summary>
    public static object? GetValue(ArrowArray array, int index, SqlType type)
    {
        if (array.IsNull(index))
        {
            return null;
        }

        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                return ((BooleanArray)array).Value(index);
            case SqlTypeKind.TinyInt:
                return ((PrimitiveArray<sbyte>)array).Values[index];
            case SqlTypeKind.SmallInt:
                return ((PrimitiveArray<short>)array).Values[index];
            case SqlTypeKind.Integer:
                return ((PrimitiveArray<int>)array).Values[index];
            case SqlTypeKind.BigInt:
                return ((PrimitiveArray<long>)array).Values[index];
            case SqlTypeKind.Real:
                return ((PrimitiveArray<float>)array).Values[index];
            case SqlTypeKind.Double:
                return ((PrimitiveArray<double>)array).Values[index];
            case SqlTypeKind.Decimal:
                return new SqlDecimal(((DecimalArray)array).UnscaledInt128(index), type.Scale);
            case SqlTypeKind.Varchar or SqlTypeKind.Json:
                return ((BinaryArray)array).GetString(index);
            case SqlTypeKind.Varbinary:
                return ((BinaryArray)array).GetBytes(index).ToArray();
            case SqlTypeKind.Date:
                return DateOnly.FromDayNumber(((PrimitiveArray<int>)array).Values[index] + s_epochDay);
            case SqlTypeKind.Time:
                return new TimeOnly(((PrimitiveArray<long>)array).Values[index] * 10);
            case SqlTypeKind.Timestamp:
                return new DateTime(s_epochTicks + (((PrimitiveArray<long>)array).Values[index] * 10), DateTimeKind.Unspecified);
            case SqlTypeKind.TimestampWithTimeZone:
                return new DateTimeOffset(s_epochTicks + (((PrimitiveArray<long>)array).Values[index] * 10), TimeSpan.Zero);
            case SqlTypeKind.IntervalDayToSecond:
                return TimeSpan.FromTicks(((PrimitiveArray<long>)array).Values[index] * 10);
            case SqlTypeKind.IntervalYearToMonth:
                return ((PrimitiveArray<int>)array).Values[index];
            case SqlTypeKind.Uuid:
                return new Guid(((FixedSizeBinaryArray)array).GetBytes(index), bigEndian: true);
            case SqlTypeKind.Array:
                {
                    var list = (ListArray)array;
                    var offsets = list.ValueOffsets;
                    var values = new object?[offsets[index + 1] - offsets[index]];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = GetValue(list.Values, offsets[index] + i, type.ElementType!);
                    }

                    return values;
                }

            case SqlTypeKind.Map:
                {
                    var map = (MapArray)array;
                    var offsets = map.ValueOffsets;
                    var pairs = new List<KeyValuePair<object?, object?>>();
                    for (var i = offsets[index]; i < offsets[index + 1]; i++)
                    {
                        pairs.Add(new(GetValue(map.Keys, i, type.ElementType!), GetValue(map.Items, i, type.ValueType!)));
                    }

                    return pairs;
                }

            case SqlTypeKind.Row:
                {
                    var st = (StructArray)array;
                    var values = new object?[type.Fields.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = GetValue(st.Field(i), index, type.Fields[i].Type);
                    }

                    return values;
                }

            default:
                return null;
        }
    }

    /// <summary>An array over a span of values with an optional validity bitmap (null when there are no nulls).</summary>
    public static ArrowArray FromSpan<T>(SqlType type, ReadOnlySpan<T> values, byte[]? validity, int nullCount)
        where T : unmanaged
    {
        var buffer = ArrowBuffer.FromSpan(values);
        return ArrowArray.Create(new ArrayData(type.ArrowType, values.Length, nullCount, 0, [validity is null || nullCount == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), buffer]));
    }

    /// <summary>Allocates an aligned, zeroed value buffer of <paramref name="length"/> slots and exposes it as a span.</summary>
    public static Memory<byte> Allocate<T>(int length, out Span<T> values)
        where T : unmanaged
    {
        var memory = BufferAllocator.Allocate(checked(length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));
        values = MemoryMarshal.Cast<byte, T>(memory.Span);
        return memory;
    }

    /// <summary>Wraps a value buffer from <see cref="Allocate{T}"/> (and an optional validity bitmap) as an array.</summary>
    public static ArrowArray Wrap(SqlType type, int length, Memory<byte> values, byte[]? validity, int nullCount) =>
        ArrowArray.Create(new ArrayData(type.ArrowType, length, nullCount, 0, [validity is null || nullCount == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(values)]));
}
