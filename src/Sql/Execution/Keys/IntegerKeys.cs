using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Keys;

/// <summary>Single integer-like key columns (integers, dates, times, timestamps) as 64-bit values, for the <see cref="LongKeyTable"/> fast paths.</summary>
public static class IntegerKeys
{
    public static bool IsIntegerLike(SqlType type) => type.Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt
        or SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone;

    /// <summary>The column's values widened to long (slots of nulls hold whatever the buffer holds).</summary>
    public static long[] Widen(ArrowArray column)
    {
        switch (column)
        {
            case PrimitiveArray<long> p:
                return p.Values.ToArray();
            case PrimitiveArray<int> p:
                return Widen(p.Values);
            case PrimitiveArray<short> p:
                return Widen(p.Values);
            case PrimitiveArray<sbyte> p:
                return Widen(p.Values);
            default:
                throw new InvalidOperationException($"{column.Type} is not an integer-like key column");
        }
    }

    private static long[] Widen<T>(ReadOnlySpan<T> values)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var result = new long[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = long.CreateTruncating(values[i]);
        }

        return result;
    }
}
