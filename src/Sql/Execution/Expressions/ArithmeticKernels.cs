using System.Numerics;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>
/// + - * / % and unary minus. Integer operands share the result type and overflow is an error; integer
/// division truncates; division or modulo by zero is an error for exact types. Floating point follows IEEE.
/// Decimal operands keep their own scales; the result type (Trino's rules) fixes precision and scale.
/// </summary>
internal static class ArithmeticKernels
{
    public static ColumnVector Binary(BoundOperatorKind kind, ColumnVector l, ColumnVector r, SqlType type, int n)
    {
        try
        {
            return type.Kind switch
            {
                SqlTypeKind.TinyInt => Integer<sbyte>(kind, l, r, type, n),
                SqlTypeKind.SmallInt => Integer<short>(kind, l, r, type, n),
                SqlTypeKind.Integer => Integer<int>(kind, l, r, type, n),
                SqlTypeKind.BigInt => Integer<long>(kind, l, r, type, n),
                SqlTypeKind.Real => Float<float>(kind, l, r, type, n),
                SqlTypeKind.Double => Float<double>(kind, l, r, type, n),
                SqlTypeKind.Decimal => Decimal(kind, l, r, type, n),
                _ => TemporalKernels.Arithmetic(kind, l, r, type, n),
            };
        }
        catch (OverflowException)
        {
            throw new SqlException(SqlErrorKind.Execution, $"{type} overflow: {BoundOperator.Symbol(kind)} result is out of range");
        }
    }

    public static ColumnVector Negate(ColumnVector v, SqlType type, int n)
    {
        var zero = ColumnVector.Constant(type, ArrayFactory.Single(type, type.Kind == SqlTypeKind.Decimal ? new SqlDecimal(0, type.Scale) : (object)0), n);
        if (type.Kind == SqlTypeKind.Decimal)
        {
            return Binary(BoundOperatorKind.Subtract, zero, v, type, n);
        }

        if (type.IsInterval)
        {
            return Binary(BoundOperatorKind.Subtract, ColumnVector.Constant(type, ArrayFactory.Single(type, type.Kind == SqlTypeKind.IntervalYearToMonth ? 0 : TimeSpan.Zero), n), v, type, n);
        }

        return Binary(BoundOperatorKind.Subtract, zero, v, type, n);
    }

    private static ColumnVector Integer<T>(BoundOperatorKind kind, ColumnVector l, ColumnVector r, SqlType type, int n)
        where T : unmanaged, IBinaryInteger<T>
    {
        var (bits, nulls) = Validity.Of(l, r, n);
        var a = ExpressionEvaluator.Values<T>(l);
        var b = ExpressionEvaluator.Values<T>(r);
        var mem = ArrayFactory.Allocate<T>(n, out var dst);
        bool lc = l.IsConstant, rc = r.IsConstant;
        for (var i = 0; i < n; i++)
        {
            if (bits is not null && !BitUtil.GetBit(bits, i))
            {
                continue;
            }

            var x = a[lc ? 0 : i];
            var y = b[rc ? 0 : i];
            switch (kind)
            {
                case BoundOperatorKind.Add:
                    dst[i] = checked(x + y);
                    break;
                case BoundOperatorKind.Subtract:
                    dst[i] = checked(x - y);
                    break;
                case BoundOperatorKind.Multiply:
                    dst[i] = checked(x * y);
                    break;
                case BoundOperatorKind.Divide:
                    if (T.IsZero(y))
                    {
                        throw DivisionByZero();
                    }

                    dst[i] = checked(x / y);
                    break;
                default:
                    if (T.IsZero(y))
                    {
                        throw DivisionByZero();
                    }

                    dst[i] = T.IsNegative(y) && y == -T.One ? T.Zero : x % y;
                    break;
            }
        }

        return Result(type, n, mem, bits, nulls);
    }

    private static ColumnVector Float<T>(BoundOperatorKind kind, ColumnVector l, ColumnVector r, SqlType type, int n)
        where T : unmanaged, IFloatingPoint<T>
    {
        var (bits, nulls) = Validity.Of(l, r, n);
        var a = ExpressionEvaluator.Values<T>(l);
        var b = ExpressionEvaluator.Values<T>(r);
        var mem = ArrayFactory.Allocate<T>(n, out var dst);
        bool lc = l.IsConstant, rc = r.IsConstant;
        for (var i = 0; i < n; i++)
        {
            var x = a[lc ? 0 : i];
            var y = b[rc ? 0 : i];
            dst[i] = kind switch
            {
                BoundOperatorKind.Add => x + y,
                BoundOperatorKind.Subtract => x - y,
                BoundOperatorKind.Multiply => x * y,
                BoundOperatorKind.Divide => x / y,
                _ => x % y,
            };
        }

        return Result(type, n, mem, bits, nulls);
    }

    private static ColumnVector Decimal(BoundOperatorKind kind, ColumnVector l, ColumnVector r, SqlType type, int n)
    {
        var (bits, nulls) = Validity.Of(l, r, n);
        var a = ExpressionEvaluator.Values<Int128>(l);
        var b = ExpressionEvaluator.Values<Int128>(r);
        int sa = l.Type.Scale, sb = r.Type.Scale, s = type.Scale;
        var mem = ArrayFactory.Allocate<Int128>(n, out var dst);
        bool lc = l.IsConstant, rc = r.IsConstant;
        for (var i = 0; i < n; i++)
        {
            if (bits is not null && !BitUtil.GetBit(bits, i))
            {
                continue;
            }

            var x = a[lc ? 0 : i];
            var y = b[rc ? 0 : i];
            Int128 v;
            switch (kind)
            {
                case BoundOperatorKind.Add:
                    v = checked(DecimalMath.Rescale(x, sa, s) + DecimalMath.Rescale(y, sb, s));
                    break;
                case BoundOperatorKind.Subtract:
                    v = checked(DecimalMath.Rescale(x, sa, s) - DecimalMath.Rescale(y, sb, s));
                    break;
                case BoundOperatorKind.Multiply:
                    v = DecimalMath.Rescale(DecimalMath.Multiply(x, y), sa + sb, s);
                    break;
                case BoundOperatorKind.Divide:
                    {
                        if (y == 0)
                        {
                            throw DivisionByZero();
                        }

                        // x/10^sa / (y/10^sb) = x*10^(s - sa + sb) / y / 10^s, rounded half away from zero.
                        var shift = s - sa + sb;
                        var num = shift >= 0 ? checked(x * DecimalMath.Power10(shift)) : x;
                        var den = shift >= 0 ? y : checked(y * DecimalMath.Power10(-shift));
                        var q = Int128.DivRem(num, den);
                        v = Int128.Abs(q.Remainder) * 2 >= Int128.Abs(den) ? q.Quotient + ((num < 0) ^ (den < 0) ? -1 : 1) : q.Quotient;
                        break;
                    }

                default:
                    {
                        if (y == 0)
                        {
                            throw DivisionByZero();
                        }

                        var common = Math.Max(sa, sb);
                        v = DecimalMath.Rescale(DecimalMath.Rescale(x, sa, common) % DecimalMath.Rescale(y, sb, common), common, s);
                        break;
                    }
            }

            dst[i] = DecimalMath.CheckPrecision(v, type.Precision);
        }

        return Result(type, n, mem, bits, nulls);
    }

    public static ColumnVector Concatenate(ColumnVector l, ColumnVector r, int n)
    {
        var builder = new BinaryBuilder(SqlType.Varchar.ArrowType);
        var scratch = new byte[512];
        for (var i = 0; i < n; i++)
        {
            if (l.IsNull(i) || r.IsNull(i))
            {
                builder.AppendNull();
                continue;
            }

            var x = l.GetBytes(i);
            var y = r.GetBytes(i);
            if (y.IsEmpty)
            {
                builder.Append(x);
            }
            else if (x.Length + y.Length <= scratch.Length)
            {
                var buffer = scratch.AsSpan(0, x.Length + y.Length);
                x.CopyTo(buffer);
                y.CopyTo(buffer[x.Length..]);
                builder.Append(buffer);
            }
            else
            {
                var buffer = new byte[x.Length + y.Length];
                x.CopyTo(buffer);
                y.CopyTo(buffer.AsSpan(x.Length));
                builder.Append(buffer.AsSpan());
            }
        }

        return ColumnVector.FromArray(SqlType.Varchar, builder.Build());
    }

    internal static ColumnVector Result(SqlType type, int n, Memory<byte> mem, byte[]? bits, int nulls) =>
        ColumnVector.FromArray(type, ArrayFactory.Wrap(type, n, mem, bits, nulls));

    internal static SqlException DivisionByZero() => new(SqlErrorKind.Execution, "division by zero");
}
