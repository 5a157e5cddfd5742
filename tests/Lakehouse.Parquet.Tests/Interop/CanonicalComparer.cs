using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>
/// Compares canonical values from DuckDB (expected) with ours, logically: numbers by value, timestamps and
/// times allowing DuckDB's truncation to microseconds (and skipping values DuckDB holds beyond int64
/// nanoseconds), decimals DuckDB turned into doubles by value.
/// </summary>
internal static class CanonicalComparer
{
    /// <summary>Null when equivalent, else a description of the first difference.</summary>
    public static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {ArrowCanonical.Describe(expected)}, got {ArrowCanonical.Describe(actual)}";
        }

        switch (expected)
        {
            case JsonArray ea:
                {
                    if (actual is not JsonArray aa || aa.Count != ea.Count)
                    {
                        return $"{path}: expected {Short(expected)}, got {Short(actual)}";
                    }

                    for (var i = 0; i < ea.Count; i++)
                    {
                        if (Difference(ea[i], aa[i], $"{path}[{i}]") is { } d)
                        {
                            return d;
                        }
                    }

                    return null;
                }

            case JsonObject eo:
                {
                    if (actual is not JsonObject ao || ao.Count != eo.Count)
                    {
                        return $"{path}: expected {Short(expected)}, got {Short(actual)}";
                    }

                    foreach (var (k, v) in eo)
                    {
                        if (!ao.TryGetPropertyValue(k, out var av))
                        {
                            return $"{path}: field {k} missing in {Short(actual)}";
                        }

                        if (Difference(v, av, $"{path}.{k}") is { } d)
                        {
                            return d;
                        }
                    }

                    return null;
                }

            default:
                return ScalarsEqual((JsonValue)expected, actual) ? null : $"{path}: expected {Short(expected)}, got {Short(actual)}";
        }
    }

    private static bool ScalarsEqual(JsonValue expected, JsonNode actual)
    {
        if (actual is not JsonValue a)
        {
            return false;
        }

        var ek = expected.GetValueKind();
        var ak = a.GetValueKind();
        if (ek == JsonValueKind.Number || ak == JsonValueKind.Number)
        {
            return TryDouble(expected, out var x) && TryDouble(a, out var y) && (x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), Math.Abs(y)));
        }

        if (ek != ak)
        {
            return false;
        }

        if (ek != JsonValueKind.String)
        {
            return expected.ToJsonString() == a.ToJsonString();
        }

        var es = expected.GetValue<string>();
        var @as = a.GetValue<string>();
        if (es == @as)
        {
            return true;
        }

        foreach (var prefix in (string[])["ts:", "time:"])
        {
            if (es.StartsWith(prefix, StringComparison.Ordinal) && @as.StartsWith(prefix, StringComparison.Ordinal))
            {
                var e = BigInteger.Parse(es.AsSpan(prefix.Length), CultureInfo.InvariantCulture);
                var v = BigInteger.Parse(@as.AsSpan(prefix.Length), CultureInfo.InvariantCulture);
                if (e > long.MaxValue || e < long.MinValue)
                {
                    return true;
                }

                return BigInteger.Abs(e - v) < 1000 && e % 1000 == 0;
            }
        }

        return false;
    }

    private static bool TryDouble(JsonValue v, out double d)
    {
        if (v.GetValueKind() == JsonValueKind.Number)
        {
            d = v.GetValue<double>();
            return true;
        }

        var s = v.GetValue<string>();
        if (s.StartsWith("D:", StringComparison.Ordinal))
        {
            var slash = s.IndexOf('/', StringComparison.Ordinal);
            var unscaled = BigInteger.Parse(s.AsSpan(2, slash - 2), CultureInfo.InvariantCulture);
            var scale = int.Parse(s.AsSpan(slash + 1), CultureInfo.InvariantCulture);
            d = (double)unscaled / Math.Pow(10, scale);
            return true;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }

    private static string Short(JsonNode? n)
    {
        var s = ArrowCanonical.Describe(n);
        return s.Length > 300 ? s[..300] + "..." : s;
    }
}
