using System.Globalization;
using System.Numerics;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// CAST and TRY_CAST. Numeric widenings run as typed loops; the other conversions go value by value through
/// <see cref="ValueConversions"/> (string parsing and formatting are cold paths).
/// </summary>
internal static class CastKernels
{
    public static ColumnVector Cast(ColumnVector v, SqlType target, bool isTry, int n, FunctionContext context)
    {
        var source = v.Type;
        if (source == target || (source.IsString && target.IsString && source.Kind == target.Kind))
        {
            return v;
        }

        if (source.Kind == SqlTypeKind.Unknown || v.IsAllNull)
        {
            return ColumnVector.Null(target, n);
        }

        if (v.IsConstant)
        {
            var one = CastRows(v.WithLength(1), target, isTry, 1, context);
            return ColumnVector.Constant(target, one.Array, n);
        }

        return CastRows(v, target, isTry, n, context);
    }

    private static ColumnVector CastRows(ColumnVector v, SqlType target, bool isTry, int n, FunctionContext context)
    {
        var source = v.Type;
        if (source.IsString && target.IsString)
        {
            return ColumnVector.FromArray(target, v.Array);
        }

        try
        {
            if (source.IsInteger && (target.IsInteger || target.IsFloatingPoint))
            {
                return source.Kind switch
                {
                    SqlTypeKind.TinyInt => Numeric<sbyte>(v, target, n),
                    SqlTypeKind.SmallInt => Numeric<short>(v, target, n),
                    SqlTypeKind.Integer => Numeric<int>(v, target, n),
                    _ => Numeric<long>(v, target, n),
                };
            }

            if (source.Kind == SqlTypeKind.Real && target.Kind == SqlTypeKind.Double)
            {
                return Numeric<float>(v, target, n);
            }

            if (target.Kind == SqlTypeKind.Decimal && (source.IsInteger || source.Kind == SqlTypeKind.Decimal))
            {
                return ToDecimal(v, target, n, isTry);
            }

            if (source.Kind == SqlTypeKind.Decimal && target.Kind == SqlTypeKind.Double)
            {
                return DecimalToDouble(v, target, n);
            }
        }
        catch (OverflowException) when (!isTry)
        {
            throw new SqlException(SqlErrorKind.Execution, $"Out of range for {target}: a {source} value does not fit");
        }
        catch (OverflowException)
        {
            // TRY_CAST: fall through to the per-value path, which yields nulls for the failures.
        }

        var builder = ArrayBuilder.Create(target.ArrowType);
        builder.Reserve(n);
        for (var i = 0; i < n; i++)
        {
            var value = ArrayFactory.GetValue(v.Array, v.Index(i), source);
            if (value is null)
            {
                builder.AppendNull();
                continue;
            }

            object? converted;
            try
            {
                converted = ValueConversions.Convert(value, source, target, context);
            }
            catch (SqlException) when (isTry)
            {
                converted = null;
            }

            ArrayFactory.Append(builder, target, converted);
        }

        return ColumnVector.FromArray(target, builder.Build());
    }

    private static ColumnVector Numeric<TFrom>(ColumnVector v, SqlType target, int n)
        where TFrom : unmanaged, INumber<TFrom>
    {
        var src = ExpressionEvaluator.Values<TFrom>(v);
        var validity = v.Array.NullCount > 0 ? CopyValidity(v, n) : null;
        return target.Kind switch
        {
            SqlTypeKind.TinyInt => Convert<TFrom, sbyte>(src, target, n, validity, v.Array.NullCount),
            SqlTypeKind.SmallInt => Convert<TFrom, short>(src, target, n, validity, v.Array.NullCount),
            SqlTypeKind.Integer => Convert<TFrom, int>(src, target, n, validity, v.Array.NullCount),
            SqlTypeKind.BigInt => Convert<TFrom, long>(src, target, n, validity, v.Array.NullCount),
            SqlTypeKind.Real => Convert<TFrom, float>(src, target, n, validity, v.Array.NullCount),
            _ => Convert<TFrom, double>(src, target, n, validity, v.Array.NullCount),
        };
    }

    private static ColumnVector Convert<TFrom, TTo>(ReadOnlySpan<TFrom> src, SqlType target, int n, byte[]? validity, int nulls)
        where TFrom : unmanaged, INumber<TFrom>
        where TTo : unmanaged, INumber<TTo>
    {
        var mem = ArrayFactory.Allocate<TTo>(n, out var dst);
        for (var i = 0; i < n; i++)
        {
            if (validity is null || BitUtil.GetBit(validity, i))
            {
                dst[i] = TTo.CreateChecked(src[i]);
            }
        }

        return ColumnVector.FromArray(target, ArrayFactory.Wrap(target, n, mem, validity, nulls));
    }

    /// <summary>Integers and decimals to decimal(p, s): rescaled (half away from zero) and checked against 10^p.</summary>
    private static ColumnVector ToDecimal(ColumnVector v, SqlType target, int n, bool isTry)
    {
        var source = v.Type;
        var values = source.Kind == SqlTypeKind.Decimal ? null : WidenIntegers(v, n);
        var decimals = source.Kind == SqlTypeKind.Decimal ? ExpressionEvaluator.Values<Int128>(v) : default;
        var fromScale = source.Kind == SqlTypeKind.Decimal ? source.Scale : 0;
        var limit = DecimalMath.Power10(target.Precision);
        var validity = v.Array.NullCount > 0 ? CopyValidity(v, n) : null;
        var nulls = v.Array.NullCount;
        var mem = ArrayFactory.Allocate<Int128>(n, out var dst);
        for (var i = 0; i < n; i++)
        {
            if (validity is not null && !BitUtil.GetBit(validity, i))
            {
                continue;
            }

            var unscaled = DecimalMath.Rescale(values is null ? decimals[i] : values[i], fromScale, target.Scale);
            if (unscaled >= limit || unscaled <= -limit)
            {
                if (!isTry)
                {
                    var shown = values is null ? new SqlDecimal(decimals[i], fromScale).ToString() : values[i].ToString(CultureInfo.InvariantCulture);
                    throw new SqlException(SqlErrorKind.Execution, $"Cannot cast {source} '{shown}' to {target}: value is out of range");
                }

                validity ??= AllValid(n);
                BitUtil.ClearBit(validity, i);
                nulls++;
                continue;
            }

            dst[i] = unscaled;
        }

        return ColumnVector.FromArray(target, ArrayFactory.Wrap(target, n, mem, validity, nulls));
    }

    private static long[] WidenIntegers(ColumnVector v, int n)
    {
        var result = new long[n];
        switch (v.Type.Kind)
        {
            case SqlTypeKind.TinyInt:
                Widen(ExpressionEvaluator.Values<sbyte>(v), result);
                break;
            case SqlTypeKind.SmallInt:
                Widen(ExpressionEvaluator.Values<short>(v), result);
                break;
            case SqlTypeKind.Integer:
                Widen(ExpressionEvaluator.Values<int>(v), result);
                break;
            default:
                ExpressionEvaluator.Values<long>(v)[..n].CopyTo(result);
                break;
        }

        return result;
    }

    private static void Widen<T>(ReadOnlySpan<T> values, long[] result)
        where T : unmanaged, IBinaryInteger<T>
    {
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = long.CreateTruncating(values[i]);
        }
    }

    /// <summary>Decimal to double exactly as <see cref="SqlDecimal.ToDouble"/> converts one value.</summary>
    private static ColumnVector DecimalToDouble(ColumnVector v, SqlType target, int n)
    {
        var decimals = ExpressionEvaluator.Values<Int128>(v);
        var divisor = Math.Pow(10, v.Type.Scale);
        var validity = v.Array.NullCount > 0 ? CopyValidity(v, n) : null;
        var mem = ArrayFactory.Allocate<double>(n, out var dst);
        for (var i = 0; i < n; i++)
        {
            var x = decimals[i];
            dst[i] = (x == (long)x ? (long)x : (double)x) / divisor;
        }

        return ColumnVector.FromArray(target, ArrayFactory.Wrap(target, n, mem, validity, v.Array.NullCount));
    }

    private static byte[] AllValid(int n)
    {
        var bits = new byte[BitUtil.BytesForBits(n)];
        bits.AsSpan().Fill(0xFF);
        return bits;
    }

    private static byte[] CopyValidity(ColumnVector v, int n)
    {
        var bits = new byte[BitUtil.BytesForBits(n)];
        BitUtil.CopyBits(v.Array.ValidityBitmap, v.Array.Offset, bits, 0, n);
        return bits;
    }
}
