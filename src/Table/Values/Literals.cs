using System.Globalization;
using System.Numerics;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Values;

/// <summary>
/// The in-memory representation of single Iceberg values (defaults, partition values, bounds, expression
/// literals), and conversion, comparison and formatting of them:
/// boolean <c>bool</c>; int <c>int</c>; long <c>long</c>; float <c>float</c>; double <c>double</c>;
/// decimal(P,S) <c>BigInteger</c> unscaled (the type carries the scale); date <c>int</c> days since
/// 1970-01-01; time <c>long</c> microseconds since midnight; timestamp/timestamptz <c>long</c> microseconds
/// since the epoch; timestamp_ns/timestamptz_ns <c>long</c> nanoseconds; string <c>string</c>; uuid
/// <c>Guid</c>; fixed/binary <c>byte[]</c>; struct <c>Dictionary&lt;int, object?&gt;</c> by field id;
/// list <c>object?[]</c>; map <see cref="MapValue"/>.
/// </summary>
public static class Literals
{
    /// <summary>Structural equality of two values (arrays by content, NaN equal to NaN).</summary>
    public static bool ValueEquals(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        switch (a)
        {
            case byte[] x when b is byte[] y:
                return x.AsSpan().SequenceEqual(y);
            case float x when b is float y:
                return BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y) || (float.IsNaN(x) && float.IsNaN(y));
            case double x when b is double y:
                return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y));
            case object?[] x when b is object?[] y:
                if (x.Length != y.Length)
                {
                    return false;
                }

                for (var i = 0; i < x.Length; i++)
                {
                    if (!ValueEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case Dictionary<int, object?> x when b is Dictionary<int, object?> y:
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var kv in x)
                {
                    if (!y.TryGetValue(kv.Key, out var other) || !ValueEquals(kv.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case MapValue x when b is MapValue y:
                return ValueEquals(x.Keys.ToArray(), y.Keys.ToArray()) && ValueEquals(x.Values.ToArray(), y.Values.ToArray());
            default:
                return a.Equals(b);
        }
    }

    /// <summary>
    /// Orders two non-null values of one primitive type: numbers numerically (NaN above +Infinity, -0 below
    /// 0), strings by Unicode code point (= UTF-8 bytes), binary/fixed/uuid as unsigned bytes.
    /// </summary>
    public static int Compare(object a, object b)
    {
        switch (a)
        {
            case int or long when IsInteger(b): return ToLong(a).CompareTo(ToLong(b));
            case float x when b is float y: return TotalOrder(x, y);
            case float x: return TotalOrder(x, System.Convert.ToDouble(b, CultureInfo.InvariantCulture));
            case double x: return TotalOrder(x, System.Convert.ToDouble(b, CultureInfo.InvariantCulture));
            case bool x: return x.CompareTo((bool)b);
            case BigInteger x: return x.CompareTo((BigInteger)b);
            case string x: return CompareStrings(x, (string)b);
            case byte[] x: return x.AsSpan().SequenceCompareTo((byte[])b);
            case Guid x: return UuidBytes(x).AsSpan().SequenceCompareTo(UuidBytes((Guid)b));
            default: throw IcebergException.Invalid($"values of {a.GetType().Name} are not comparable");
        }
    }

    /// <summary>Orders strings by code point, which is also the order of their UTF-8 bytes.</summary>
    public static int CompareStrings(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            // Surrogates (supplementary code points) sort above every BMP character.
            var xs = char.IsSurrogate(x);
            var ys = char.IsSurrogate(y);
            if (xs != ys)
            {
                return xs ? 1 : -1;
            }

            return x.CompareTo(y);
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>The 16 big-endian bytes of a UUID (the order of its canonical text).</summary>
    public static byte[] UuidBytes(Guid value)
    {
        var bytes = new byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    public static Guid UuidFromBytes(ReadOnlySpan<byte> bytes) => new(bytes, bigEndian: true);

    /// <summary>
    /// Converts a caller's value (CLR numbers, strings, DateOnly/TimeOnly/DateTime/DateTimeOffset, Guid,
    /// byte[], System.Decimal) to the representation of <paramref name="type"/>, or throws when it does not fit.
    /// </summary>
    public static object Convert(object value, PrimitiveType type)
    {
        var result = TryConvert(value, type);
        return result ?? throw IcebergException.Invalid($"cannot convert {value} ({value.GetType().Name}) to {type}");
    }

    public static object? TryConvert(object value, PrimitiveType type)
    {
        switch (type.TypeId)
        {
            case TypeId.Boolean:
                return value switch
                {
                    bool b => b,
                    string s when bool.TryParse(s, out var b) => b,
                    _ => null,
                };
            case TypeId.Int:
                return IsInteger(value) && ToLong(value) is var iv && iv >= int.MinValue && iv <= int.MaxValue ? (int)iv
                    : value is string si && int.TryParse(si, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pi) ? pi : null;
            case TypeId.Long:
                return IsInteger(value) ? ToLong(value)
                    : value is string sl && long.TryParse(sl, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pl) ? pl : null;
            case TypeId.Float:
                return value switch
                {
                    float f => f,
                    double d => (float)d,
                    decimal m => (float)m,
                    string s when float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => f,
                    _ when IsInteger(value) => (float)ToLong(value),
                    _ => null,
                };
            case TypeId.Double:
                return value switch
                {
                    double d => d,
                    float f => (double)f,
                    decimal m => (double)m,
                    string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                    _ when IsInteger(value) => (double)ToLong(value),
                    _ => null,
                };
            case TypeId.Decimal:
                return value switch
                {
                    BigInteger u => u,
                    decimal m => TryParseDecimal(m.ToString(CultureInfo.InvariantCulture), type.Scale),
                    string s => TryParseDecimal(s, type.Scale),
                    double d when !double.IsNaN(d) && !double.IsInfinity(d) => TryParseDecimal(d.ToString("R", CultureInfo.InvariantCulture), type.Scale),
                    _ when IsInteger(value) => TryParseDecimal(ToLong(value).ToString(CultureInfo.InvariantCulture), type.Scale),
                    _ => null,
                };
            case TypeId.Date:
                return value switch
                {
                    DateOnly d => DateTimeUtil.DaysFromDate(d),
                    DateTime dt when dt.TimeOfDay == TimeSpan.Zero => DateTimeUtil.DaysFromDate(DateOnly.FromDateTime(dt)),
                    string s => DateTimeUtil.ParseDate(s),
                    int i => i,
                    _ => null,
                };
            case TypeId.Time:
                return value switch
                {
                    TimeOnly t => DateTimeUtil.MicrosFromTime(t),
                    TimeSpan ts => ts.Ticks / 10,
                    string s => DateTimeUtil.ParseTime(s),
                    _ when IsInteger(value) => ToLong(value),
                    _ => null,
                };
            case TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs:
                {
                    var nanos = type.IsNanos;
                    long? micros = value switch
                    {
                        DateTimeOffset o => DateTimeUtil.MicrosFromDateTimeOffset(o),
                        DateTime dt => dt.Kind == DateTimeKind.Local ? DateTimeUtil.MicrosFromDateTime(dt.ToUniversalTime()) : DateTimeUtil.MicrosFromDateTime(dt),
                        DateOnly d => DateTimeUtil.DaysFromDate(d) * DateTimeUtil.MicrosPerDay,
                        _ => null,
                    };
                    if (micros is { } m)
                    {
                        return nanos ? checked(m * DateTimeUtil.NanosPerMicro) : m;
                    }

                    if (value is string s)
                    {
                        return DateTimeUtil.ParseTimestamp(s, nanos, out _);
                    }

                    return IsInteger(value) ? ToLong(value) : null;
                }

            case TypeId.String:
                return value as string;
            case TypeId.Uuid:
                return value switch
                {
                    Guid g => g,
                    string s when Guid.TryParse(s, out var g) => g,
                    byte[] b when b.Length == 16 => UuidFromBytes(b),
                    _ => null,
                };
            case TypeId.Fixed:
                return value is byte[] fb && fb.Length == type.Length ? fb : null;
            case TypeId.Binary:
                return value as byte[];
            default:
                return null;
        }
    }

    /// <summary>Parses a decimal string ("14.20", "-0.5", "2E+20") to an unscaled value at <paramref name="scale"/>, or null when it does not fit exactly.</summary>
    public static BigInteger? TryParseDecimal(string text, int scale)
    {
        var s = text.Trim();
        var exp = 0;
        var e = s.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp))
            {
                return null;
            }

            s = s[..e];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var fractionDigits = 0;
        if (dot >= 0)
        {
            fractionDigits = s.Length - dot - 1;
            s = string.Concat(s.AsSpan(0, dot), s.AsSpan(dot + 1));
        }

        if (s.Length == 0 || !BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var digits))
        {
            return null;
        }

        var valueScale = fractionDigits - exp;
        if (valueScale == scale)
        {
            return digits;
        }

        if (valueScale < scale)
        {
            return digits * BigInteger.Pow(10, scale - valueScale);
        }

        var divisor = BigInteger.Pow(10, valueScale - scale);
        var q = BigInteger.DivRem(digits, divisor, out var rem);
        return rem.IsZero ? q : null;
    }

    /// <summary>The decimal text of an unscaled value: "14.20" for scale 2; scientific ("2E+20") for a negative scale.</summary>
    public static string FormatDecimal(BigInteger unscaled, int scale)
    {
        if (scale < 0)
        {
            return unscaled.ToString(CultureInfo.InvariantCulture) + "E+" + (-scale).ToString(CultureInfo.InvariantCulture);
        }

        return DecimalArray.Format(unscaled, scale);
    }

    /// <summary>
    /// The human-readable string of a value of <paramref name="type"/>, as used in partition paths:
    /// ISO dates/times, decimal text, lowercase UUIDs, base64 for fixed/binary, "null" for null.
    /// </summary>
    public static string ToHumanString(object? value, PrimitiveType type)
    {
        if (value is null)
        {
            return "null";
        }

        return type.TypeId switch
        {
            TypeId.Boolean => (bool)value ? "true" : "false",
            TypeId.Int or TypeId.Long => System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            TypeId.Float => ((float)value).ToString("R", CultureInfo.InvariantCulture),
            TypeId.Double => ((double)value).ToString("R", CultureInfo.InvariantCulture),
            TypeId.Decimal => FormatDecimal((BigInteger)value, type.Scale),
            TypeId.Date => DateTimeUtil.FormatDate((int)value),
            TypeId.Time => DateTimeUtil.FormatTime((long)value),
            TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs =>
                DateTimeUtil.FormatTimestampHuman((long)value, type.IsNanos, type.TypeId is TypeId.TimestampTz or TypeId.TimestampTzNs),
            TypeId.String => (string)value,
            TypeId.Uuid => ((Guid)value).ToString("D"),
            TypeId.Fixed or TypeId.Binary => System.Convert.ToBase64String((byte[])value),
            _ => value.ToString() ?? "null",
        };
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(bytes);

    public static byte[] FromHex(string hex)
    {
        try
        {
            return System.Convert.FromHexString(hex);
        }
        catch (FormatException ex)
        {
            throw IcebergException.Invalid($"'{hex}' is not a hexadecimal string", ex);
        }
    }

    /// <summary>Truncates <paramref name="s"/> to at most <paramref name="codePoints"/> Unicode code points.</summary>
    public static string TruncateString(string s, int codePoints)
    {
        var count = 0;
        var i = 0;
        while (i < s.Length && count < codePoints)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            count++;
        }

        return i >= s.Length ? s : s[..i];
    }

    internal static bool IsInteger(object value) => value is int or long or short or byte or sbyte or ushort or uint;

    internal static long ToLong(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        _ => throw IcebergException.Invalid($"{value} is not an integer"),
    };

    private static int TotalOrder(double x, double y)
    {
        var xn = double.IsNaN(x);
        var yn = double.IsNaN(y);
        if (xn || yn)
        {
            return xn == yn ? 0 : xn ? 1 : -1;
        }

        if (x == 0 && y == 0)
        {
            return double.IsNegative(x).CompareTo(double.IsNegative(y)) * -1;
        }

        return x.CompareTo(y);
    }

    private static int TotalOrder(float x, float y) => TotalOrder((double)x, y);

    internal static int Utf8Length(string s) => Encoding.UTF8.GetByteCount(s);
}
