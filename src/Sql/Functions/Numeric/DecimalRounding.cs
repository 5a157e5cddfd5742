namespace Lakehouse.Sql.Functions.Numeric;

/// <summary>
/// Exact decimal operations on unscaled Int128 values (decimal(p, s) with p &lt;= 38): rounding half away from
/// zero, truncation, rescaling with overflow checks against the target precision.
/// </summary>
public static class DecimalRounding
{
    private static readonly Int128[] s_powers = CreatePowers();

    public static Int128 Pow10(int n) => s_powers[n];

    /// <summary>The largest unscaled magnitude of a decimal with <paramref name="precision"/> digits.</summary>
    public static Int128 MaxUnscaled(int precision) => s_powers[precision] - 1;

    /// <summary>round(decimal(p, s), d): rounds to d decimals half away from zero; the scale stays s.</summary>
    public static Int128 Round(Int128 unscaled, int scale, long decimals)
    {
        if (decimals >= scale)
        {
            return unscaled;
        }

        var drop = scale - decimals;
        if (drop > 38)
        {
            return 0;
        }

        var factor = s_powers[(int)drop];
        var remainder = unscaled % factor;
        var truncated = unscaled - remainder;
        if (Int128.Abs(remainder) * 2 >= factor)
        {
            truncated += unscaled >= 0 ? factor : -factor;
        }

        return truncated;
    }

    /// <summary>truncate(decimal(p, s), d): toward zero at d decimals; the scale stays s.</summary>
    public static Int128 Truncate(Int128 unscaled, int scale, long decimals)
    {
        if (decimals >= scale)
        {
            return unscaled;
        }

        var drop = scale - decimals;
        return drop > 38 ? 0 : unscaled - (unscaled % s_powers[(int)drop]);
    }

    /// <summary>Changes the scale (rounding half away from zero when it shrinks); overflow past the precision is an error.</summary>
    public static Int128 Rescale(Int128 unscaled, int fromScale, int toScale, int toPrecision)
    {
        Int128 result;
        if (toScale >= fromScale)
        {
            var factor = s_powers[toScale - fromScale];
            if (Int128.Abs(unscaled) > MaxUnscaled(38) / factor)
            {
                throw Overflow(toPrecision, toScale);
            }

            result = unscaled * factor;
        }
        else
        {
            var factor = s_powers[fromScale - toScale];
            var q = Int128.DivRem(unscaled, factor);
            result = q.Quotient;
            if (Int128.Abs(q.Remainder) * 2 >= factor)
            {
                result += unscaled >= 0 ? 1 : -1;
            }
        }

        if (Int128.Abs(result) > MaxUnscaled(toPrecision))
        {
            throw Overflow(toPrecision, toScale);
        }

        return result;
    }

    /// <summary>ceil (toward +∞) or floor (toward −∞) to an integer value, as an unscaled value with scale 0.</summary>
    public static Int128 CeilOrFloor(Int128 unscaled, int scale, bool ceil)
    {
        if (scale == 0)
        {
            return unscaled;
        }

        var (q, r) = Int128.DivRem(unscaled, s_powers[scale]);
        if (r != 0 && (r > 0) == ceil)
        {
            q += ceil ? 1 : -1;
        }

        return q;
    }

    /// <summary>Checked addition within 38 digits (sum aggregates and +).</summary>
    public static Int128 Add(Int128 a, Int128 b, int precision = 38)
    {
        var r = a + b;
        if (Int128.Abs(r) > MaxUnscaled(precision) || (((a ^ r) & (b ^ r)) < 0))
        {
            throw FunctionErrors.Overflow("Decimal overflow");
        }

        return r;
    }

    private static SqlException Overflow(int precision, int scale) =>
        FunctionErrors.Overflow($"Cannot cast value to DECIMAL({precision}, {scale}): numeric overflow");

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
