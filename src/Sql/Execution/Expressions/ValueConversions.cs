using System.Globalization;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>Value-level conversions behind CAST (value forms of ArrayFactory) and the text forms of values.</summary>
public static class ValueConversions
{
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "yyyy-M-d"];
    private static readonly string[] s_timestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd",
        "yyyy-M-d H:m:s.FFFFFFF", "yyyy-M-d H:m:s", "yyyy-M-d",
    ];

    public static object? Convert(object value, SqlType from, SqlType to, FunctionContext context)
    {
        if (from == to)
        {
            return value;
        }

        if (to.IsString)
        {
            return Format(value, from, context);
        }

        if (from.IsString)
        {
            return Parse((string)value, to, context);
        }

        switch (to.Kind)
        {
            case SqlTypeKind.Boolean when from.IsNumeric:
                return ToDouble(value, from) != 0;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt:
                {
                    long l;
                    if (from.Kind == SqlTypeKind.Boolean)
                    {
                        l = (bool)value ? 1 : 0;
                    }
                    else if (from.Kind == SqlTypeKind.Decimal)
                    {
                        var d = (SqlDecimal)value;
                        var r = DecimalMath.Rescale(d.Unscaled, d.Scale, 0);
                        if (r > long.MaxValue || r < long.MinValue)
                        {
                            throw OutOfRange(to, d.ToString());
                        }

                        l = (long)r;
                    }
                    else if (from.IsFloatingPoint)
                    {
                        var d = ToDouble(value, from);
                        if (double.IsNaN(d) || double.IsInfinity(d))
                        {
                            throw new SqlException(SqlErrorKind.Execution, $"Cannot cast {from} '{Format(value, from, context)}' to {to}");
                        }

                        var rounded = Math.Round(d, MidpointRounding.AwayFromZero);
                        if (rounded >= 9.2233720368547758E18 || rounded < -9.2233720368547758E18)
                        {
                            throw OutOfRange(to, d.ToString("R", CultureInfo.InvariantCulture));
                        }

                        l = (long)rounded;
                    }
                    else if (from.IsInteger)
                    {
                        l = System.Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        throw Unsupported(from, to);
                    }

                    return NarrowInteger(l, to);
                }

            case SqlTypeKind.Real or SqlTypeKind.Double:
                {
                    if (!from.IsNumeric && from.Kind != SqlTypeKind.Boolean)
                    {
                        throw Unsupported(from, to);
                    }

                    var d = from.Kind == SqlTypeKind.Boolean ? ((bool)value ? 1 : 0) : ToDouble(value, from);
                    return to.Kind == SqlTypeKind.Real ? (object)(float)d : d;
                }

            case SqlTypeKind.Decimal:
                {
                    SqlDecimal d;
                    if (from.Kind == SqlTypeKind.Decimal)
                    {
                        d = (SqlDecimal)value;
                    }
                    else if (from.IsInteger)
                    {
                        d = new SqlDecimal(System.Convert.ToInt64(value, CultureInfo.InvariantCulture), 0);
                    }
                    else if (from.IsFloatingPoint)
                    {
                        var x = ToDouble(value, from);
                        if (double.IsNaN(x) || double.IsInfinity(x))
                        {
                            throw new SqlException(SqlErrorKind.Execution, $"Cannot cast {from} '{x}' to {to}");
                        }

                        d = SqlDecimal.Parse(((decimal)Math.Round(x, Math.Min(to.Scale, 15), MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        throw Unsupported(from, to);
                    }

                    var unscaled = DecimalMath.Rescale(d.Unscaled, d.Scale, to.Scale);
                    var limit = DecimalMath.Power10(to.Precision);
                    if (unscaled >= limit || unscaled <= -limit)
                    {
                        throw new SqlException(SqlErrorKind.Execution, $"Cannot cast {from} '{d}' to {to}: value is out of range");
                    }

                    return new SqlDecimal(unscaled, to.Scale);
                }

            case SqlTypeKind.Date:
                return from.Kind switch
                {
                    SqlTypeKind.Timestamp => DateOnly.FromDateTime((DateTime)value),
                    SqlTypeKind.TimestampWithTimeZone => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((DateTimeOffset)value, context.TimeZone).DateTime),
                    _ => throw Unsupported(from, to),
                };
            case SqlTypeKind.Timestamp:
                return from.Kind switch
                {
                    SqlTypeKind.Date => ((DateOnly)value).ToDateTime(TimeOnly.MinValue),
                    SqlTypeKind.TimestampWithTimeZone => TimeZoneInfo.ConvertTime((DateTimeOffset)value, context.TimeZone).DateTime,
                    _ => throw Unsupported(from, to),
                };
            case SqlTypeKind.TimestampWithTimeZone:
                return from.Kind switch
                {
                    SqlTypeKind.Date => LocalToInstant(((DateOnly)value).ToDateTime(TimeOnly.MinValue), context.TimeZone),
                    SqlTypeKind.Timestamp => LocalToInstant((DateTime)value, context.TimeZone),
                    _ => throw Unsupported(from, to),
                };
            case SqlTypeKind.Time:
                return from.Kind switch
                {
                    SqlTypeKind.Timestamp => TimeOnly.FromDateTime((DateTime)value),
                    SqlTypeKind.TimestampWithTimeZone => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime((DateTimeOffset)value, context.TimeZone).DateTime),
                    _ => throw Unsupported(from, to),
                };
            case SqlTypeKind.Varbinary when from.Kind == SqlTypeKind.Uuid:
                return ((Guid)value).ToByteArray(bigEndian: true);
            case SqlTypeKind.Uuid when from.Kind == SqlTypeKind.Varbinary:
                return new Guid((byte[])value, bigEndian: true);
            case SqlTypeKind.Array when from.Kind == SqlTypeKind.Array:
                return ((object?[])value).Select(e => e is null ? null : Convert(e, from.ElementType!, to.ElementType!, context)).ToArray();
            case SqlTypeKind.Row when from.Kind == SqlTypeKind.Row && from.Fields.Count == to.Fields.Count:
                // Field by field, by position (Trino): names come from the target type.
                return ((object?[])value).Select((f, i) => f is null ? null : Convert(f, from.Fields[i].Type, to.Fields[i].Type, context)).ToArray();
            default:
                throw Unsupported(from, to);
        }
    }

    private static DateTimeOffset LocalToInstant(DateTime local, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }

    private static object NarrowInteger(long l, SqlType to) => to.Kind switch
    {
        SqlTypeKind.TinyInt => l is < sbyte.MinValue or > sbyte.MaxValue ? throw OutOfRange(to, l.ToString(CultureInfo.InvariantCulture)) : (sbyte)l,
        SqlTypeKind.SmallInt => l is < short.MinValue or > short.MaxValue ? throw OutOfRange(to, l.ToString(CultureInfo.InvariantCulture)) : (short)l,
        SqlTypeKind.Integer => l is < int.MinValue or > int.MaxValue ? throw OutOfRange(to, l.ToString(CultureInfo.InvariantCulture)) : (int)l,
        _ => l,
    };

    private static double ToDouble(object value, SqlType from) => from.Kind switch
    {
        SqlTypeKind.Decimal => ((SqlDecimal)value).ToDouble(),
        SqlTypeKind.Real => (float)value,
        _ => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static SqlException OutOfRange(SqlType to, string text) => new(SqlErrorKind.Execution, $"Out of range for {to}: {text}");

    private static SqlException Unsupported(SqlType from, SqlType to) => new(SqlErrorKind.Execution, $"Cannot cast {from} to {to}");

    private static SqlException CannotCast(string text, SqlType to) => new(SqlErrorKind.Execution, $"Cannot cast '{text}' to {to}");

    /// <summary>Parses text into a value of <paramref name="to"/> (CAST from varchar, typed literals).</summary>
    public static object Parse(string text, SqlType to, FunctionContext context)
    {
        var s = text.Trim();
        switch (to.Kind)
        {
            case SqlTypeKind.Boolean:
                return s.ToLowerInvariant() switch
                {
                    "true" or "t" or "1" or "yes" or "y" => true,
                    "false" or "f" or "0" or "no" or "n" => false,
                    _ => throw CannotCast(text, to),
                };
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt:
                if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    throw CannotCast(text, to);
                }

                return NarrowInteger(l, to);
            case SqlTypeKind.Real:
                return float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : ParseSpecial(s, to) is double sd ? (float)sd : throw CannotCast(text, to);
            case SqlTypeKind.Double:
                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : ParseSpecial(s, to) ?? throw CannotCast(text, to);
            case SqlTypeKind.Decimal:
                {
                    SqlDecimal v;
                    try
                    {
                        v = SqlDecimal.Parse(s);
                    }
                    catch (FormatException)
                    {
                        throw CannotCast(text, to);
                    }

                    return Convert(v, SqlType.Decimal(Math.Max(v.Precision, v.Scale == 0 ? 1 : v.Scale), v.Scale), to, context)!;
                }

            case SqlTypeKind.Date:
                return DateOnly.TryParseExact(s, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw CannotCast(text, to);
            case SqlTypeKind.Timestamp:
                return DateTime.TryParseExact(s, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ts) ? ts : throw CannotCast(text, to);
            case SqlTypeKind.TimestampWithTimeZone:
                return ParseTimestampWithTimeZone(s, context) ?? throw CannotCast(text, to);
            case SqlTypeKind.Time:
                return TimeOnly.TryParse(s, CultureInfo.InvariantCulture, out var t) ? t : throw CannotCast(text, to);
            case SqlTypeKind.Varbinary:
                return System.Text.Encoding.UTF8.GetBytes(text);
            case SqlTypeKind.Uuid:
                return Guid.TryParse(s, out var g) ? g : throw CannotCast(text, to);
            default:
                throw new SqlException(SqlErrorKind.Execution, $"Cannot cast varchar to {to}");
        }
    }

    private static object? ParseSpecial(string s, SqlType to) => s.ToLowerInvariant() switch
    {
        "nan" => double.NaN,
        "infinity" or "+infinity" or "inf" => double.PositiveInfinity,
        "-infinity" or "-inf" => double.NegativeInfinity,
        _ => null,
    };

    private static DateTimeOffset? ParseTimestampWithTimeZone(string s, FunctionContext context)
    {
        // "2024-01-01 10:00:00[.ffffff] [+hh:mm|Zone]" or ISO with offset.
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && (s.Contains('+', StringComparison.Ordinal) || s.EndsWith('Z') || s.LastIndexOf('-') > 9))
        {
            return iso.ToUniversalTime();
        }

        var space = s.LastIndexOf(' ');
        if (space > 10)
        {
            var zoneText = s[(space + 1)..];
            var local = s[..space];
            if (DateTime.TryParseExact(local, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var l))
            {
                if (zoneText.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zoneText == "Z")
                {
                    return new DateTimeOffset(l, TimeSpan.Zero);
                }

                if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out var zone))
                {
                    return LocalToInstant(l, zone);
                }

                if (TimeSpan.TryParse(zoneText.TrimStart('+'), CultureInfo.InvariantCulture, out var off))
                {
                    return new DateTimeOffset(l, zoneText.StartsWith('-') ? -off : off).ToUniversalTime();
                }
            }
        }

        if (DateTime.TryParseExact(s, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var plain))
        {
            return LocalToInstant(plain, context.TimeZone);
        }

        return null;
    }

    /// <summary>The varchar form of a value (CAST to varchar, CLI and test output).</summary>
    public static string Format(object value, SqlType type, FunctionContext? context = null) => value switch
    {
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        SqlDecimal m => m.ToString(),
        string s => s,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset o => FormatInstant(o, context?.TimeZone ?? TimeZoneInfo.Utc),
        TimeSpan span when type.Kind == SqlTypeKind.IntervalDayToSecond => FormatDayToSecond(span),
        int months when type.Kind == SqlTypeKind.IntervalYearToMonth => $"{(months < 0 ? "-" : string.Empty)}{Math.Abs(months) / 12}-{Math.Abs(months) % 12}",
        byte[] bytes => System.Convert.ToHexStringLower(bytes),
        Guid g => g.ToString(),
        object?[] items when type.Kind == SqlTypeKind.Array => "[" + string.Join(", ", items.Select(i => i is null ? "NULL" : Format(i, type.ElementType!, context))) + "]",
        object?[] fields when type.Kind == SqlTypeKind.Row => "{" + string.Join(", ", fields.Select((f, i) => (type.Fields[i].Name is { } n ? n + "=" : string.Empty) + (f is null ? "NULL" : Format(f, type.Fields[i].Type, context)))) + "}",
        List<KeyValuePair<object?, object?>> pairs => "{" + string.Join(", ", pairs.Select(p => $"{(p.Key is null ? "NULL" : Format(p.Key, type.ElementType!, context))}={(p.Value is null ? "NULL" : Format(p.Value, type.ValueType!, context))}")) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatInstant(DateTimeOffset o, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(o, zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + " " + (zone == TimeZoneInfo.Utc ? "UTC" : zone.Id);
    }

    private static string FormatDayToSecond(TimeSpan span)
    {
        var negative = span < TimeSpan.Zero;
        var a = negative ? span.Negate() : span;
        return $"{(negative ? "-" : string.Empty)}{a.Days} {a.Hours:00}:{a.Minutes:00}:{a.Seconds:00}.{a.Milliseconds:000}";
    }

    /// <summary>Shortest round-trip text; integral values keep ".0"; NaN and infinities as Trino spells them.</summary>
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Infinity";
        }

        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }

    private static string FormatDouble(float f) => FormatDouble((double)f) is var s && s.Length > 10 ? f.ToString("R", CultureInfo.InvariantCulture) : FormatDouble((double)f);
}
