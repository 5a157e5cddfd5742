using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Sql.Execution.Vectors;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>Equality and ordering of single values of one storage type (nullif, greatest, least, contains, array_sort).</summary>
public static class ValueOrder
{
    /// <summary>Compares slot <paramref name="i"/> of <paramref name="a"/> with slot <paramref name="j"/> of <paramref name="b"/> (both valid, same type).</summary>
    public static int Compare(ArrowArray a, int i, ArrowArray b, int j)
    {
        switch (a.Type.Id)
        {
            case ArrowTypeId.Boolean:
                return ((BooleanArray)a).Value(i).CompareTo(((BooleanArray)b).Value(j));
            case ArrowTypeId.Int8:
                return ((PrimitiveArray<sbyte>)a).Values[i].CompareTo(((PrimitiveArray<sbyte>)b).Values[j]);
            case ArrowTypeId.Int16:
                return ((PrimitiveArray<short>)a).Values[i].CompareTo(((PrimitiveArray<short>)b).Values[j]);
            case ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32 or ArrowTypeId.Interval:
                return ((PrimitiveArray<int>)a).Values[i].CompareTo(((PrimitiveArray<int>)b).Values[j]);
            case ArrowTypeId.Int64 or ArrowTypeId.Timestamp or ArrowTypeId.Time64 or ArrowTypeId.Duration or ArrowTypeId.Date64:
                return ((PrimitiveArray<long>)a).Values[i].CompareTo(((PrimitiveArray<long>)b).Values[j]);
            case ArrowTypeId.Float32:
                return ((PrimitiveArray<float>)a).Values[i].CompareTo(((PrimitiveArray<float>)b).Values[j]);
            case ArrowTypeId.Float64:
                return ((PrimitiveArray<double>)a).Values[i].CompareTo(((PrimitiveArray<double>)b).Values[j]);
            case ArrowTypeId.Decimal128 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal32:
                return ((DecimalArray)a).UnscaledInt128(i).CompareTo(((DecimalArray)b).UnscaledInt128(j));
            case ArrowTypeId.Utf8 or ArrowTypeId.Binary:
                return ((BinaryArray)a).GetBytes(i).SequenceCompareTo(((BinaryArray)b).GetBytes(j));
            case ArrowTypeId.FixedSizeBinary:
                return ((FixedSizeBinaryArray)a).GetBytes(i).SequenceCompareTo(((FixedSizeBinaryArray)b).GetBytes(j));
            default:
                throw FunctionErrors.NotSupported($"comparison of {a.Type} values is not supported here");
        }
    }

    public static bool Equal(ArrowArray a, int i, ArrowArray b, int j) => Compare(a, i, b, j) == 0;

    /// <summary>Hash of one valid slot consistent with <see cref="Equal"/>.</summary>
    public static int Hash(ArrowArray a, int i) => a.Type.Id switch
    {
        ArrowTypeId.Boolean => ((BooleanArray)a).Value(i) ? 1 : 0,
        ArrowTypeId.Int8 => ((PrimitiveArray<sbyte>)a).Values[i],
        ArrowTypeId.Int16 => ((PrimitiveArray<short>)a).Values[i],
        ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32 or ArrowTypeId.Interval => ((PrimitiveArray<int>)a).Values[i],
        ArrowTypeId.Int64 or ArrowTypeId.Timestamp or ArrowTypeId.Time64 or ArrowTypeId.Duration or ArrowTypeId.Date64 => ((PrimitiveArray<long>)a).Values[i].GetHashCode(),
        ArrowTypeId.Float32 => ((PrimitiveArray<float>)a).Values[i].GetHashCode(),
        ArrowTypeId.Float64 => ((PrimitiveArray<double>)a).Values[i].GetHashCode(),
        ArrowTypeId.Decimal128 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal32 => ((DecimalArray)a).UnscaledInt128(i).GetHashCode(),
        ArrowTypeId.Utf8 or ArrowTypeId.Binary => (int)Hashing.XxHash64.Hash(((BinaryArray)a).GetBytes(i)),
        _ => ArrayFactory.GetValue(a, i, Types.SqlType.FromArrow(a.Type)!)?.GetHashCode() ?? 0,
    };
}
