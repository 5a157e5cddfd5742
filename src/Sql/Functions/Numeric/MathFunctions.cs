using System.Runtime.CompilerServices;

namespace Lakehouse.Sql.Functions.Numeric;

/// <summary>
/// Scalar math with Trino's semantics: integer overflow is an error, round is half away from zero,
/// division and modulus by zero are errors for integers.
/// </summary>
public static class MathFunctions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Add(long a, long b)
    {
        var r = a + b;
        if (((a ^ r) & (b ^ r)) < 0)
        {
            throw Overflow("addition", a, "+", b);
        }

        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Subtract(long a, long b)
    {
        var r = a - b;
        if (((a ^ b) & (a ^ r)) < 0)
        {
            throw Overflow("subtraction", a, "-", b);
        }

        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Multiply(long a, long b)
    {
        var high = System.Math.BigMul(a, b, out var low);
        if ((high != 0 || low < 0) && (high != -1 || low >= 0))
        {
            throw Overflow("multiplication", a, "*", b);
        }

        return low;
    }

    /// <summary>Integer division truncating toward zero; by zero is an error.</summary>
    public static long Divide(long a, long b)
    {
        if (b == 0)
        {
            throw FunctionErrors.DivisionByZero();
        }

        if (a == long.MinValue && b == -1)
        {
            throw Overflow("division", a, "/", b);
        }

        return a / b;
    }

    /// <summary>mod(a, b) / a % b: the sign of the dividend; by zero is an error.</summary>
    public static long Mod(long a, long b)
    {
        if (b == 0)
        {
            throw FunctionErrors.DivisionByZero();
        }

        return b == -1 ? 0 : a % b;
    }

    public static long Negate(long a) => a == long.MinValue ? throw FunctionErrors.Overflow($"bigint negation overflow: -{a}") : -a;

    public static long Abs(long a) => a == long.MinValue ? throw FunctionErrors.Overflow($"bigint abs overflow: abs({a})") : System.Math.Abs(a);

    public static int Abs(int a) => a == int.MinValue ? throw FunctionErrors.Overflow($"integer abs overflow: abs({a})") : System.Math.Abs(a);

    public static long Sign(long a) => System.Math.Sign(a);

    /// <summary>sign(double): -1.0, 0.0, 1.0, NaN for NaN.</summary>
    public static double Sign(double a) => double.IsNaN(a) ? double.NaN : System.Math.Sign(a);

    /// <summary>round(double): half away from zero.</summary>
    public static double Round(double x) => System.Math.Round(x, MidpointRounding.AwayFromZero);

    /// <summary>round(double, d): half away from zero at d decimals (negative d rounds to tens, hundreds…), as Trino.</summary>
    public static double Round(double x, long decimals)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x;
        }

        if (decimals >= 0 && decimals <= 15)
        {
            return System.Math.Round(x, (int)decimals, MidpointRounding.AwayFromZero);
        }

        var factor = System.Math.Pow(10, decimals);
        var scaled = x * factor;
        if (double.IsInfinity(scaled))
        {
            return x;
        }

        return System.Math.Round(scaled, MidpointRounding.AwayFromZero) / factor;
    }

    /// <summary>round(bigint, d): negative d rounds to tens, hundreds… half away from zero; overflow is an error.</summary>
    public static long Round(long x, long decimals)
    {
        if (decimals >= 0)
        {
            return x;
        }

        if (decimals < -18)
        {
            return 0;
        }

        var factor = Pow10((int)-decimals);
        var remainder = x % factor;
        var truncated = x - remainder;
        if (System.Math.Abs(remainder) * 2 >= factor)
        {
            truncated = x >= 0 ? Add(truncated, factor) : Subtract(truncated, factor);
        }

        return truncated;
    }

    /// <summary>truncate(double, d): toward zero at d decimals.</summary>
    public static double Truncate(double x, long decimals = 0)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x;
        }

        if (decimals == 0)
        {
            return System.Math.Truncate(x);
        }

        var factor = System.Math.Pow(10, decimals);
        var scaled = x * factor;
        return double.IsInfinity(scaled) ? x : System.Math.Truncate(scaled) / factor;
    }

    /// <summary>mod(double, double): IEEE remainder with the dividend's sign (Java's %).</summary>
    public static double Mod(double a, double b) => a % b;

    public static double Cbrt(double x) => System.Math.Cbrt(x);

    public static double Log(double b, double x) => System.Math.Log(x) / System.Math.Log(b);

    /// <summary>
    /// width_bucket(x, bound1, bound2, n): bucket 0 below the range, n + 1 at or above it; bounds may be
    /// descending; errors as Trino for n &lt;= 0, equal bounds or NaN/infinite operands.
    /// </summary>
    public static long WidthBucket(double x, double bound1, double bound2, long bucketCount)
    {
        if (bucketCount <= 0)
        {
            throw FunctionErrors.InvalidArgument("bucketCount must be greater than 0");
        }

        if (double.IsNaN(x))
        {
            throw FunctionErrors.InvalidArgument("operand must not be NaN");
        }

        if (!double.IsFinite(bound1))
        {
            throw FunctionErrors.InvalidArgument("first bound must be finite");
        }

        if (!double.IsFinite(bound2))
        {
            throw FunctionErrors.InvalidArgument("second bound must be finite");
        }

        if (bound1 == bound2)
        {
            throw FunctionErrors.InvalidArgument("bounds cannot equal each other");
        }

        long result;
        var lower = System.Math.Min(bound1, bound2);
        var upper = System.Math.Max(bound1, bound2);
        if (x < lower)
        {
            result = bound1 > bound2 ? bucketCount + 1 : 0;
        }
        else if (x >= upper)
        {
            result = bound1 > bound2 ? 0 : bucketCount + 1;
        }
        else
        {
            result = (long)((double)bucketCount * (x - lower) / (upper - lower)) + 1;
            if (bound1 > bound2)
            {
                result = bucketCount - result + 1;
            }
        }

        if (bound1 > bound2 && x == upper)
        {
            result = 1;
        }

        return result;
    }

    public static long Pow10(int n)
    {
        long r = 1;
        for (var i = 0; i < n; i++)
        {
            r *= 10;
        }

        return r;
    }

    private static SqlException Overflow(string operation, long a, string op, long b) =>
        FunctionErrors.Overflow($"bigint {operation} overflow: {a} {op} {b}");
}
