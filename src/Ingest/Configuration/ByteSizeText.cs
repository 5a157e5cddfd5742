using System.Globalization;

namespace Lakehouse.Ingest.Configuration;

/// <summary>Sizes as written in configuration: <c>1048576</c>, <c>512KiB</c>, <c>64MiB</c>, <c>1GiB</c> (also KB/MB/GB, base 1000).</summary>
public static class ByteSizeText
{
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        (string suffix, long scale)[] units =
        [
            ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
        ];
        long factor = 1;
        foreach (var (suffix, scale) in units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^suffix.Length].TrimEnd();
                factor = scale;
                break;
            }
        }

        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > long.MaxValue / factor)
        {
            throw new FormatException($"'{text}' is not a size (examples: 1048576, 512KiB, 64MiB)");
        }

        return value * factor;
    }
}
