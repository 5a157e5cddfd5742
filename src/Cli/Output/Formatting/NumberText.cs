using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// Numbers as text. Integers are exact decimal digits. Floating-point values use the shortest digits that
/// round-trip to the same value of their own width (float16/float32/float64), laid out as ECMAScript's
/// Number.prototype.toString does (plain digits for exponents -7 &lt; e &lt; 21, otherwise <c>1.5e+21</c>),
/// except that negative zero keeps its sign (<c>-0</c>). NaN and infinities are the words
/// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (JSON writers quote them).
/// </summary>
public static class NumberText
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteInteger<T>(Utf8Output output, T value)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(40);
        value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture);
        output.Advance(n);
    }

    /// <summary>Writes a float; returns false (writing nothing) for NaN and infinities.</summary>
    public static bool TryWriteFinite(Utf8Output output, double value)
    {
        if (!double.IsFinite(value))
        {
            return false;
        }

        Span<byte> shortest = stackalloc byte[40];
        value.TryFormat(shortest, out var n, "R", CultureInfo.InvariantCulture);
        WriteEcmaScript(output, shortest[..n]);
        return true;
    }

    public static bool TryWriteFinite(Utf8Output output, float value)
    {
        if (!float.IsFinite(value))
        {
            return false;
        }

        Span<byte> shortest = stackalloc byte[40];
        value.TryFormat(shortest, out var n, "R", CultureInfo.InvariantCulture);
        WriteEcmaScript(output, shortest[..n]);
        return true;
    }

    public static bool TryWriteFinite(Utf8Output output, Half value)
    {
        if (!Half.IsFinite(value))
        {
            return false;
        }

        Span<byte> shortest = stackalloc byte[40];
        value.TryFormat(shortest, out var n, "R", CultureInfo.InvariantCulture);
        WriteEcmaScript(output, shortest[..n]);
        return true;
    }

    /// <summary>The word for a non-finite value: NaN, Infinity or -Infinity.</summary>
    public static ReadOnlySpan<byte> NonFiniteWord(double value) =>
        double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;

    /// <summary>
    /// Re-lays out .NET's shortest round-trip text (e.g. <c>-1.5E-07</c>, <c>123.25</c>) in ECMAScript form.
    /// </summary>
    internal static void WriteEcmaScript(Utf8Output output, ReadOnlySpan<byte> text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        Span<byte> digits = stackalloc byte[40];
        var k = 0;
        var intDigits = 0;
        var seenPoint = false;
        var exponent = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                digits[k++] = c;
                if (!seenPoint)
                {
                    intDigits++;
                }
            }
            else if (c == '.')
            {
                seenPoint = true;
            }
            else if (c is (byte)'E' or (byte)'e')
            {
                var sign = 1;
                var j = i + 1;
                if (j < text.Length && (text[j] == '+' || text[j] == '-'))
                {
                    sign = text[j] == '-' ? -1 : 1;
                    j++;
                }

                for (; j < text.Length; j++)
                {
                    exponent = (exponent * 10) + (text[j] - '0');
                }

                exponent *= sign;
                break;
            }
        }

        // value = 0.d1d2...dk * 10^n
        var n = intDigits + exponent;
        var start = 0;
        while (start < k && digits[start] == '0')
        {
            start++;
            n--;
        }

        var end = k;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }

        var span = output.GetSpan(48);
        var p = 0;
        if (negative)
        {
            span[p++] = (byte)'-';
        }

        if (start == end)
        {
            span[p++] = (byte)'0';
            output.Advance(p);
            return;
        }

        var d = digits[start..end];
        k = d.Length;
        if (k <= n && n <= 21)
        {
            d.CopyTo(span[p..]);
            p += k;
            span.Slice(p, n - k).Fill((byte)'0');
            p += n - k;
        }
        else if (n > 0 && n <= 21)
        {
            d[..n].CopyTo(span[p..]);
            p += n;
            span[p++] = (byte)'.';
            d[n..].CopyTo(span[p..]);
            p += k - n;
        }
        else if (n > -6 && n <= 0)
        {
            span[p++] = (byte)'0';
            span[p++] = (byte)'.';
            span.Slice(p, -n).Fill((byte)'0');
            p += -n;
            d.CopyTo(span[p..]);
            p += k;
        }
        else
        {
            span[p++] = d[0];
            if (k > 1)
            {
                span[p++] = (byte)'.';
                d[1..].CopyTo(span[p..]);
                p += k - 1;
            }

            span[p++] = (byte)'e';
            var e = n - 1;
            span[p++] = e < 0 ? (byte)'-' : (byte)'+';
            e.TryFormat(span[p..], out var w, default, CultureInfo.InvariantCulture);
            if (e < 0)
            {
                // TryFormat wrote the '-' again; drop it.
                span.Slice(p + 1, w - 1).CopyTo(span[p..]);
                w--;
            }

            p += w;
        }

        output.Advance(p);
    }

    /// <summary>
    /// A decimal with exactly <paramref name="scale"/> fractional digits (no point when scale is 0; a negative
    /// scale appends zeros), e.g. unscaled -150 with scale 2 is <c>-1.50</c>.
    /// </summary>
    public static void WriteDecimal(Utf8Output output, Int128 unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)(-(unscaled + 1)) + 1 : (UInt128)unscaled;
        Span<byte> digits = stackalloc byte[48];
        magnitude.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        WriteDecimalDigits(output, negative, digits[..n], scale);
    }

    public static void WriteDecimal(Utf8Output output, BigInteger unscaled, int scale)
    {
        var negative = unscaled.Sign < 0;
        var text = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            digits[i] = (byte)text[i];
        }

        WriteDecimalDigits(output, negative, digits, scale);
    }

    private static void WriteDecimalDigits(Utf8Output output, bool negative, ReadOnlySpan<byte> digits, int scale)
    {
        var span = output.GetSpan(digits.Length + Math.Abs(scale) + 4);
        var p = 0;
        if (negative)
        {
            span[p++] = (byte)'-';
        }

        if (scale <= 0)
        {
            digits.CopyTo(span[p..]);
            p += digits.Length;
            if (scale < 0 && !(digits.Length == 1 && digits[0] == '0'))
            {
                span.Slice(p, -scale).Fill((byte)'0');
                p += -scale;
            }

            output.Advance(p);
            return;
        }

        if (digits.Length <= scale)
        {
            span[p++] = (byte)'0';
            span[p++] = (byte)'.';
            span.Slice(p, scale - digits.Length).Fill((byte)'0');
            p += scale - digits.Length;
            digits.CopyTo(span[p..]);
            p += digits.Length;
        }
        else
        {
            var intLen = digits.Length - scale;
            digits[..intLen].CopyTo(span[p..]);
            p += intLen;
            span[p++] = (byte)'.';
            digits[intLen..].CopyTo(span[p..]);
            p += scale;
        }

        output.Advance(p);
    }
}
