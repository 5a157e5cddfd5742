using System.Runtime.CompilerServices;
using System.Text;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>Typed reads of one row of an argument vector (arrays or constants).</summary>
public static class Arg
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Bytes(ColumnVector v, int row) => ((BinaryArray)v.Array).GetBytes(v.Index(row));

    public static string Text(ColumnVector v, int row) => Encoding.UTF8.GetString(Bytes(v, row));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Int64(ColumnVector v, int row) => ((PrimitiveArray<long>)v.Array).Values[v.Index(row)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Int32(ColumnVector v, int row) => ((PrimitiveArray<int>)v.Array).Values[v.Index(row)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Double(ColumnVector v, int row) => ((PrimitiveArray<double>)v.Array).Values[v.Index(row)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Boolean(ColumnVector v, int row) => ((BooleanArray)v.Array).Value(v.Index(row));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Int128 Decimal(ColumnVector v, int row) => ((DecimalArray)v.Array).UnscaledInt128(v.Index(row));

    /// <summary>True when every argument is a constant (the kernel then computes one row).</summary>
    public static bool AllConstant(ReadOnlySpan<ColumnVector> arguments)
    {
        foreach (var a in arguments)
        {
            if (!a.IsConstant)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when any argument is null at <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNull(ReadOnlySpan<ColumnVector> arguments, int row)
    {
        foreach (var a in arguments)
        {
            if (a.IsNull(row))
            {
                return true;
            }
        }

        return false;
    }
}
