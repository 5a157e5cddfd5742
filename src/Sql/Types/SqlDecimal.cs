using System.Globalization;
using System.Numerics;
using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Sql.Types;

/// <summary>An exact decimal value: <c>Unscaled × 10^-Scale</c> (the value form of decimal(p,s)).</summary>
public readonly record struct SqlDecimal(Int128 Unscaled, int Scale)
{
    public override string ToString() => DecimalArray.Format((BigInteger)Unscaled, Scale);

    public decimal ToDecimal() => decimal.Parse(ToString(), CultureInfo.InvariantCulture);

    public double ToDouble() => (double)Unscaled / Math.Pow(10, Scale);

    /// <summary>Parses "123.45" exactly; the scale is the number of fractional digits.</summary>
    public static SqlDecimal Parse(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? s : string.Concat(s.AsSpan(0, dot), s.AsSpan(dot + 1));
        var scale = dot < 0 ? 0 : s.Length - dot - 1;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException($"invalid decimal \"{text}\"");
        }

        var trimmed = digits.TrimStart('0');
        if (trimmed.Length > SqlType.MaxDecimalPrecision)
        {
            throw new FormatException($"decimal \"{text}\" has more than {SqlType.MaxDecimalPrecision} digits");
        }

        var unscaled = trimmed.Length == 0 ? Int128.Zero : Int128.Parse(trimmed, CultureInfo.InvariantCulture);
        return new SqlDecimal(negative ? -unscaled : unscaled, scale);
    }

    /// <summary>Digits of the unscaled value (at least 1).</summary>
    public int Precision
    {
        get
        {
            var v = Unscaled < 0 ? -Unscaled : Unscaled;
            var p = 1;
            while (v >= 10)
            {
                v /= 10;
                p++;
            }

            return Math.Max(p, Scale);
        }
    }
}
