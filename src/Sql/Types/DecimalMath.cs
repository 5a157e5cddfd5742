namespace Lakehouse.Sql.Types;

/// <summary>Exact decimal128 arithmetic helpers on unscaled Int128 values (overflow → execution error).</summary>
public static class DecimalMath
{
    private static readonly Int128[] s_powers = CreatePowers();

    /// <summary>10^<paramref name="exponent"/> for 0..38.</summary>
    public static Int128 Power10(int exponent) => s_powers[exponent];

    /// <summary>Changes the scale; rounds half away from zero when the scale shrinks.</summary>
    public static Int128 Rescale(Int128 unscaled, int fromScale, int toScale)
    {
        if (toScale == fromScale)
        {
            return unscaled;
        }

        if (toScale > fromScale)
        {
            try
            {
                return checked(unscaled * s_powers[toScale - fromScale]);
            }
            catch (OverflowException)
            {
                throw Overflow();
            }
        }

        var divisor = s_powers[fromScale - toScale];
        var q = Int128.DivRem(unscaled, divisor);
        var twice = Int128.Abs(q.Remainder) * 2;
        if (twice >= divisor)
        {
            return q.Quotient + (unscaled < 0 ? -1 : 1);
        }

        return q.Quotient;
    }

    /// <summary>x * y, exact: operands within 64 bits multiply without the checked 128-bit path; overflow → execution error.</summary>
    public static Int128 Multiply(Int128 x, Int128 y)
    {
        if (x == (long)x && y == (long)y)
        {
            return Math.BigMul((long)x, (long)y);
        }

        try
        {
            return checked(x * y);
        }
        catch (OverflowException)
        {
            throw Overflow();
        }
    }

    /// <summary>Throws when <paramref name="unscaled"/> has more than <paramref name="precision"/> digits.</summary>
    public static Int128 CheckPrecision(Int128 unscaled, int precision)
    {
        var limit = s_powers[precision];
        if (unscaled >= limit || unscaled <= -limit)
        {
            throw Overflow();
        }

        return unscaled;
    }

    public static SqlException Overflow() => new(SqlErrorKind.Execution, "decimal overflow");

    private static Int128[] CreatePowers()
    {
        var p = new Int128[39];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }
}
