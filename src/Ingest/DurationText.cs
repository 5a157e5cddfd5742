using System.Globalization;

namespace Lakehouse.Ingest;

/// <summary>Durations as written on command lines and in configuration: <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>, or plain seconds (<c>1.5</c>).</summary>
public static class DurationText
{
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        (string suffix, double scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        var factor = 1.0;
        foreach (var (suffix, scale) in units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && !(suffix == "s" && s.EndsWith("ms", StringComparison.OrdinalIgnoreCase)))
            {
                s = s[..^suffix.Length];
                factor = scale;
                break;
            }
        }

        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * factor > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new FormatException($"'{text}' is not a duration (examples: 500ms, 10s, 5m, 1h, 2.5)");
        }

        return TimeSpan.FromSeconds(value * factor);
    }
}
