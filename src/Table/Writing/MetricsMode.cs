using System.Globalization;

namespace Lakehouse.Table.Writing;

/// <summary>A column's metrics mode: none, counts, truncate(n) (bounds cut to n characters/bytes) or full.</summary>
public readonly record struct MetricsMode(bool Counts, bool Bounds, int TruncateLength)
{
    public static MetricsMode None => new(false, false, 0);

    public static MetricsMode Full => new(true, true, int.MaxValue);

    public static MetricsMode Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "none")
        {
            return None;
        }

        if (t == "counts")
        {
            return new MetricsMode(true, false, 0);
        }

        if (t == "full")
        {
            return Full;
        }

        if (t.StartsWith("truncate(", StringComparison.Ordinal) && t.EndsWith(')')
            && int.TryParse(t.AsSpan(9, t.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return new MetricsMode(true, true, n);
        }

        throw IcebergException.Invalid($"invalid metrics mode '{text}' (none, counts, truncate(n) or full)");
    }
}
